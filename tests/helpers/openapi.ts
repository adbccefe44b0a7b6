/**
 * Is this a request GitHub would accept? Each REST request is matched to its operation in
 * GitHub's own OpenAPI description (`@octokit/openapi`, api.github.com) and its path
 * parameters, query parameters and JSON body are validated against that operation's schemas
 * (ajv, formats). A few limits GitHub enforces but does not put in the schema are checked too.
 * Operations are compiled on first use.
 */
import { createRequire } from "node:module";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

/** A request as sent: method, path from the API root (percent-encoded as sent), query, JSON body. */
export interface RestRequest {
  readonly method: string;
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

type Json = Record<string, unknown>;
interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: Json;
}
interface Operation {
  readonly operationId?: string;
  readonly parameters?: readonly (Parameter | { $ref: string })[];
  readonly requestBody?: { required?: boolean; content?: Record<string, { schema?: Json }> };
}
interface Route {
  readonly template: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly literal: number;
  readonly operations: Readonly<Record<string, Operation>>;
}

const METHODS = ["get", "put", "post", "patch", "delete", "head"];

let spec: { paths: Record<string, Record<string, unknown>>; components: Record<string, Record<string, unknown>> };
let routes: Route[] | undefined;
const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: false });
(addFormatsModule as unknown as (a: Ajv) => void)(ajv);
const compiled = new Map<string, ValidateFunction>();

function load(): Route[] {
  if (routes) return routes;
  const require = createRequire(import.meta.url);
  // The non-dereferenced description (13 MB) parses in a fraction of the time of the 73 MB one.
  spec = require("@octokit/openapi/generated/api.github.com.json");
  routes = Object.entries(spec.paths).map(([template, item]) => {
    const names: string[] = [];
    const multi = new Set<string>();
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      for (const p of op?.parameters ?? []) {
        const param = resolve<Parameter>(p);
        if (param.in === "path" && (param as { "x-multi-segment"?: boolean })["x-multi-segment"]) multi.add(param.name);
      }
    }
    const source = template
      .split("/")
      .map((seg) =>
        seg.replace(/\{(\w+)\}|[^{}]+/g, (m, name: string | undefined) => {
          if (!name) return m.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
          names.push(name);
          return multi.has(name) ? "(.+)" : "([^/]+)";
        }),
      )
      .join("/");
    const operations = Object.fromEntries(
      METHODS.filter((m) => item[m]).map((m) => [m.toUpperCase(), item[m] as Operation]),
    );
    return {
      template,
      pattern: new RegExp(`^${source}$`),
      names,
      literal: template.replace(/\{\w+\}/g, "").length,
      operations,
    };
  });
  // When two templates match, the one with more literal text is meant (`/x/{id}` before `/x/{id}/y`'s cousins).
  routes.sort((a, b) => b.literal - a.literal);
  return routes;
}

function resolve<T>(node: unknown): T {
  let n = node as { $ref?: string };
  while (n && typeof n.$ref === "string") {
    const [, group, name] = n.$ref.split("/").slice(1);
    n = spec.components[group as string]?.[name as string] as { $ref?: string };
  }
  return n as T;
}

/** The schema with the components it refers to, transitively, so ajv can resolve `#/components/...`. */
function withComponents(schema: Json): Json {
  const components: Record<string, Record<string, unknown>> = {};
  const seen = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string" && v.startsWith("#/components/") && !seen.has(v)) {
        seen.add(v);
        const [, , group, name] = v.split("/") as [string, string, string, string];
        const target = spec.components[group]?.[name];
        components[group] = { ...components[group], [name]: target };
        walk(target);
      } else walk(v);
    }
  };
  walk(schema);
  return { ...schema, components };
}

function validator(key: string, schema: Json): ValidateFunction {
  let fn = compiled.get(key);
  if (!fn) {
    fn = ajv.compile(withComponents(schema));
    compiled.set(key, fn);
  }
  return fn;
}

function describe(errors: readonly ErrorObject[] | null | undefined, where: string, value: unknown): string[] {
  return (errors ?? []).slice(0, 8).map((e) => {
    let at: unknown = value;
    for (const part of e.instancePath.split("/").slice(1)) at = (at as Record<string, unknown> | undefined)?.[part];
    const shown = JSON.stringify(at)?.slice(0, 120);
    const extra = e.params && Object.keys(e.params).length > 0 ? ` ${JSON.stringify(e.params)}` : "";
    return `${where}${e.instancePath || ""} ${e.message}${extra} (got ${shown})`;
  });
}

/** Limits GitHub enforces on check runs beyond the schema (documented, or seen as 422 answers). */
function checkRunLimits(body: Json, where: string): string[] {
  const problems: string[] = [];
  const output = body.output as Json | undefined;
  if (output) {
    if (typeof output.title !== "string") problems.push(`${where}/output/title is required by GitHub`);
    else if (output.title.length > 255) problems.push(`${where}/output/title is longer than 255 characters`);
    for (const field of ["summary", "text"])
      if (typeof output[field] === "string" && Buffer.byteLength(output[field] as string) > 65_535)
        problems.push(`${where}/output/${field} exceeds a maximum bytesize of 65535`);
    for (const [i, a] of ((output.annotations as Json[] | undefined) ?? []).entries()) {
      if (typeof a.message === "string" && Buffer.byteLength(a.message) > 64 * 1024)
        problems.push(`${where}/output/annotations/${i}/message is over 64 KB`);
      if (typeof a.title === "string" && a.title.length > 255)
        problems.push(`${where}/output/annotations/${i}/title is longer than 255 characters`);
      if (Number(a.start_line) < 1 || Number(a.end_line) < Number(a.start_line))
        problems.push(`${where}/output/annotations/${i} has lines ${a.start_line}-${a.end_line}`);
    }
  }
  return problems;
}

/** Problems with a request, as readable lines; empty when GitHub would accept it. */
export function restRequestProblems(request: RestRequest): string[] {
  const method = request.method.toUpperCase();
  const path = request.path.replace(/^\/api\/v3(?=\/)/, "").split("?")[0] as string;
  const candidates = load().filter((r) => r.pattern.test(path));
  const route = candidates.find((r) => r.operations[method]);
  const label = `${method} ${path}`;
  if (!route)
    return [
      candidates.length > 0
        ? `${label}: ${candidates[0]?.template} has no ${method} operation in GitHub's REST API`
        : `${label}: no such route in GitHub's REST API`,
    ];
  const op = route.operations[method] as Operation;
  const where = `${label} (${op.operationId ?? route.template})`;
  const problems: string[] = [];
  const params = (op.parameters ?? []).map((p) => resolve<Parameter>(p));
  const match = route.pattern.exec(path) as RegExpExecArray;
  route.names.forEach((name, i) => {
    const raw = decodeURIComponent(match[i + 1] as string);
    const schema = params.find((p) => p.in === "path" && p.name === name)?.schema;
    const value = schema?.type === "integer" && /^-?\d+$/.test(raw) ? Number(raw) : raw;
    const fn = schema ? validator(`${route.template} ${method} path ${name}`, schema) : undefined;
    if (fn && !fn(value)) problems.push(...describe(fn.errors, `${where}: path parameter ${name}`, value));
  });
  for (const [name, value] of Object.entries(request.query ?? {})) {
    const param = params.find((p) => p.in === "query" && p.name === name);
    if (!param) problems.push(`${where}: unknown query parameter ${name}`);
    else if (param.schema?.type === "integer" && !/^\d+$/.test(value))
      problems.push(`${where}: query parameter ${name} should be an integer (got ${value})`);
  }
  for (const p of params)
    if (p.in === "query" && p.required && !(p.name in (request.query ?? {})))
      problems.push(`${where}: missing required query parameter ${p.name}`);
  const schema = op.requestBody?.content?.["application/json"]?.schema;
  const body = request.body;
  if (body === undefined || body === "") {
    if (op.requestBody?.required) problems.push(`${where}: a JSON body is required`);
  } else if (!schema) problems.push(`${where}: takes no JSON body but one was sent`);
  else {
    const fn = validator(`${route.template} ${method} body`, schema);
    if (!fn(body)) problems.push(...describe(fn.errors, `${where}: body`, body));
    if (/\/check-runs(\/\{check_run_id\})?$/.test(route.template))
      problems.push(...checkRunLimits(body as Json, `${where}: body`));
  }
  return problems;
}

/** Throw a readable error when GitHub would reject the request. */
export function assertValidRestRequest(request: RestRequest): void {
  const problems = restRequestProblems(request);
  if (problems.length > 0) throw new Error(`GitHub would reject this request:\n  ${problems.join("\n  ")}`);
}
