/**
 * Would GitHub's GraphQL API accept this request? The query is parsed and validated against
 * GitHub's published schema (`@octokit/graphql-schema`), with graphql-js's standard rules
 * (fields exist, variables declared and used, argument types), and the variables sent are
 * coerced against the operation's declarations (missing, mistyped or undeclared ones fail).
 */
import { schema as published } from "@octokit/graphql-schema";
import {
  buildClientSchema,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  type IntrospectionQuery,
  parse,
  validate,
} from "graphql";

let built: GraphQLSchema | undefined;

/** GitHub's GraphQL schema, built once. */
export function githubSchema(): GraphQLSchema {
  built ??= buildClientSchema(published.json as unknown as IntrospectionQuery);
  return built;
}

/** A GraphQL request body as Octokit sends it. */
export interface GraphqlRequest {
  readonly query?: unknown;
  readonly variables?: unknown;
  readonly operationName?: unknown;
}

/** Problems with a GraphQL request, as readable lines; empty when GitHub would accept it. */
export function graphqlProblems(request: GraphqlRequest): string[] {
  if (typeof request.query !== "string") return ["GraphQL request without a query string"];
  let document: ReturnType<typeof parse>;
  try {
    document = parse(request.query);
  } catch (error) {
    return [`GraphQL syntax error: ${(error as Error).message}`];
  }
  const schema = githubSchema();
  const errors = validate(schema, document).map((e) => `GraphQL: ${e.message}`);
  if (errors.length > 0) return errors.slice(0, 10);
  const name = typeof request.operationName === "string" ? request.operationName : undefined;
  const operation = getOperationAST(document, name);
  if (!operation) return ["GraphQL: no single operation to run (name it with operationName)"];
  const variables = (request.variables ?? {}) as Record<string, unknown>;
  const declared = new Set((operation.variableDefinitions ?? []).map((d) => d.variable.name.value));
  const problems = Object.keys(variables)
    .filter((v) => !declared.has(v))
    .map((v) => `GraphQL: variable $${v} is sent but the operation does not declare it`);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 10 });
  if (coerced.errors) problems.push(...coerced.errors.map((e) => `GraphQL: ${e.message}`));
  return problems;
}

/** Throw a readable error when GitHub would reject the GraphQL request. */
export function assertValidGraphql(request: GraphqlRequest): void {
  const problems = graphqlProblems(request);
  if (problems.length > 0) throw new Error(`GitHub would reject this GraphQL request:\n  ${problems.join("\n  ")}`);
}
