/**
 * The fake's GraphQL endpoint. A query is validated against GitHub's published schema
 * (`@octokit/graphql-schema`) as GitHub would, then executed by graphql-js over the fake
 * repositories: `repository(owner:, name:)` and its `object(expression:)` / `object(oid:)`,
 * with `Blob` (text, byteSize, isBinary, isTruncated, oid) and `Tree` (entries, each with name,
 * path, type, mode, oid, size and its `object`), so any query shape the App sends is answered
 * as GitHub answers it, nested tree listings included.
 */
import { execute, GraphQLError, parse } from "graphql";
import type { FakeResponse, RouteContext } from "./fake-github-routes.js";
import { githubSchema, graphqlProblems } from "./graphql-schema.js";

function answer(body: unknown): FakeResponse {
  return { status: 200, body };
}

/** An error the way GitHub words it (`type` beside the message), from a resolver. */
function githubError(type: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { type } });
}

function rootValue(ctx: RouteContext) {
  return {
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const fullName = `${owner}/${name}`;
      const repo = ctx.repos.get(fullName);
      if (!repo) throw githubError("NOT_FOUND", `Could not resolve to a Repository with the name '${fullName}'.`);
      return {
        object: ({ expression, oid }: { expression?: string; oid?: string }) => {
          if (oid !== undefined) return repo.resolve(oid)?.graphqlTree(oid) ?? null;
          const text = expression ?? "";
          const colon = text.indexOf(":");
          const rev = colon < 0 ? text : text.slice(0, colon);
          const path = colon < 0 ? "" : text.slice(colon + 1);
          if (ctx.graphqlErrorPaths.has(path)) throw githubError("INTERNAL", `Something went wrong reading ${path}.`);
          if (colon < 0) return null; // a bare revision names a commit, which no query here asks for
          return repo.resolve(rev)?.graphqlObject(path) ?? null;
        },
      };
    },
  };
}

/** Answer one GraphQL request body (`{ query, variables, operationName }`). */
export function graphqlAnswer(ctx: RouteContext, body: unknown): FakeResponse {
  const request = (body ?? {}) as { query?: unknown; variables?: Record<string, unknown>; operationName?: unknown };
  if (typeof request.query !== "string")
    return {
      status: 400,
      body: { message: "Problems parsing JSON", documentation_url: "https://docs.github.com/graphql" },
    };
  const problems = graphqlProblems(request);
  if (problems.length > 0) return answer({ errors: problems.map((message) => ({ message })) });
  const result = execute({
    schema: githubSchema(),
    document: parse(request.query),
    rootValue: rootValue(ctx),
    variableValues: request.variables ?? {},
    ...(typeof request.operationName === "string" ? { operationName: request.operationName } : {}),
    typeResolver: (value) => (value as { __typename?: string }).__typename,
  });
  if (result instanceof Promise) throw new Error("fake GitHub: GraphQL resolvers are synchronous");
  const errors = result.errors?.map((e) => ({
    ...(typeof e.extensions?.type === "string" ? { type: e.extensions.type } : {}),
    ...(e.path ? { path: e.path } : {}),
    ...(e.locations ? { locations: e.locations } : {}),
    message: e.message,
  }));
  return answer(errors ? { data: result.data ?? null, errors } : { data: result.data });
}
