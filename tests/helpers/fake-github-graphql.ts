/**
 * The fake's GraphQL endpoint: the one query shape the GitHub source sends
 * (`repository(owner:, name:) { f0: object(expression: $e0) { ... on Blob { ... } } }`),
 * read with careful regular expressions (the `graphql` package is not installed), with the
 * checks GitHub itself makes that catch a bad query builder: variables declared and used,
 * values given, fields that exist.
 */
import type { FakeResponse, RouteContext } from "./fake-github-routes.js";

const BLOB_FIELDS = new Set(["text", "byteSize", "isBinary", "isTruncated"]);

const TOKEN = String.raw`(\$\w+|"(?:[^"\\]|\\.)*")`;
const REPOSITORY = new RegExp(String.raw`repository\s*\(\s*owner\s*:\s*${TOKEN}\s*,\s*name\s*:\s*${TOKEN}\s*\)`);
const OBJECT = new RegExp(
  String.raw`(\w+)\s*:\s*object\s*\(\s*expression\s*:\s*${TOKEN}\s*\)\s*\{\s*\.\.\.\s*on\s+Blob\s*\{([^}]*)\}\s*\}`,
  "g",
);

function answer(body: unknown): FakeResponse {
  return { status: 200, body };
}

/** Answer one GraphQL request body (`{ query, variables }`). */
export function graphqlAnswer(ctx: RouteContext, body: unknown): FakeResponse {
  const { query, variables = {} } = (body ?? {}) as { query?: unknown; variables?: Record<string, unknown> };
  if (typeof query !== "string")
    return {
      status: 400,
      body: { message: "Problems parsing JSON", documentation_url: "https://docs.github.com/graphql" },
    };
  const open = query.indexOf("{");
  const head = open < 0 ? query : query.slice(0, open);
  const selection = open < 0 ? "" : query.slice(open);
  const operation = /^\s*query\s+(\w+)/.exec(head)?.[1] ?? "anonymous query";
  const declared = new Set([...head.matchAll(/\$(\w+)\s*:\s*String!/g)].map((m) => m[1] as string));
  const used = new Set([...selection.matchAll(/\$(\w+)/g)].map((m) => m[1] as string));
  const problems: string[] = [];
  for (const v of used) if (!declared.has(v)) problems.push(`Variable $${v} is used by ${operation} but not declared`);
  for (const v of declared) {
    if (!used.has(v)) problems.push(`Variable $${v} is declared by ${operation} but not used`);
    if (typeof variables[v] !== "string") problems.push(`Variable $${v} of type String! was provided invalid value`);
  }
  if (problems.length > 0) return answer({ errors: problems.map((message) => ({ message })) });

  const value = (token: string): string =>
    token.startsWith("$") ? String(variables[token.slice(1)]) : (JSON.parse(token) as string);
  const repoMatch = REPOSITORY.exec(selection);
  if (!repoMatch)
    return answer({ errors: [{ message: "fake GitHub: only repository { object(expression:) } queries are served" }] });
  const fullName = `${value(repoMatch[1] as string)}/${value(repoMatch[2] as string)}`;
  const repo = ctx.repos.get(fullName);
  if (!repo)
    return answer({
      data: { repository: null },
      errors: [
        {
          type: "NOT_FOUND",
          path: ["repository"],
          message: `Could not resolve to a Repository with the name '${fullName}'.`,
        },
      ],
    });

  const data: Record<string, unknown> = {};
  const errors: unknown[] = [];
  for (const m of selection.matchAll(OBJECT)) {
    const [, alias, token, fieldText] = m as unknown as [string, string, string, string];
    const fields = fieldText.split(/[\s,]+/).filter(Boolean);
    const unknown = fields.find((f) => !BLOB_FIELDS.has(f));
    if (unknown) return answer({ errors: [{ message: `Field '${unknown}' doesn't exist on type 'Blob'` }] });
    const expression = value(token);
    const colon = expression.indexOf(":");
    const rev = colon < 0 ? expression : expression.slice(0, colon);
    const path = colon < 0 ? "" : expression.slice(colon + 1);
    if (ctx.graphqlErrorPaths.has(path)) {
      data[alias] = null;
      errors.push({ type: "INTERNAL", path: ["repository", alias], message: `Something went wrong reading ${path}.` });
      continue;
    }
    const object = repo.resolve(rev)?.graphqlObject(path) ?? null;
    data[alias] =
      object && Object.keys(object).length > 0 ? Object.fromEntries(fields.map((f) => [f, object[f]])) : object;
  }
  return answer(errors.length > 0 ? { data: { repository: data }, errors } : { data: { repository: data } });
}
