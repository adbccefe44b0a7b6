/**
 * tsconfig.json / jsconfig.json as TypeScript reads them: JSONC (comments, trailing commas),
 * `extends` followed through the repository's own files and the well-known shared bases, so
 * `"extends": "@tsconfig/strictest"` is strict and a Vite solution config defers to its references.
 */
import type { RepoView } from "../../src/engine/check.js";
import { isOwnCode } from "../lib/languages.js";
import { type Parsed, parseJson } from "../lib/parse.js";

/**
 * The tsconfig/jsconfig names projects use (named, not `tsconfig*.json`: a wildcard in a base name
 * would scan the whole listing with a regular expression).
 */
export const TSCONFIG_GLOBS = [
  "**/{tsconfig,jsconfig}.json",
  "**/tsconfig.{app,base,build,common,dev,lib,node,prod,server,client,web,src,spec,test,strict,shared,eslint,options}.json",
] as const;

/** Strip comments and trailing commas, keeping strings (and line numbers) intact. */
export function parseJsonc(text: string): Parsed<unknown> {
  let out = "";
  let i = 0;
  const body = text.replace(/^\uFEFF/, "");
  while (i < body.length) {
    const c = body[i] as string;
    if (c === '"') {
      const end = stringEnd(body, i);
      out += body.slice(i, end);
      i = end;
    } else if (c === "/" && body[i + 1] === "/") {
      while (i < body.length && body[i] !== "\n") i++;
    } else if (c === "/" && body[i + 1] === "*") {
      const end = body.indexOf("*/", i + 2);
      const stop = end === -1 ? body.length : end + 2;
      out += body.slice(i, stop).replace(/[^\n]/g, " "); // keep line numbers for errors
      i = stop;
    } else if (c === ",") {
      let j = i + 1;
      while (j < body.length && /\s/.test(body[j] as string)) j++;
      if (body[j] === "}" || body[j] === "]") out += " ";
      else if (body[j] === "/" && (body[j + 1] === "/" || body[j + 1] === "*")) {
        // A comment between the comma and the closing bracket: decide after it.
        out += isTrailing(body, j) ? " " : ",";
      } else out += ",";
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return parseJson(out);
}

function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
  return Math.min(text.length, i + 1);
}

function isTrailing(text: string, from: number): boolean {
  let i = from;
  while (i < text.length) {
    if (/\s/.test(text[i] as string)) i++;
    else if (text.startsWith("//", i)) while (i < text.length && text[i] !== "\n") i++;
    else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? text.length : end + 2;
    } else return text[i] === "}" || text[i] === "]";
  }
  return false;
}

/**
 * Shared bases whose `strict` is known (github.com/tsconfig/bases and framework presets).
 * true: strict; false: not strict. A base missing here is reported as unverified.
 */
const KNOWN_BASES: ReadonlyArray<readonly [RegExp, boolean]> = [
  [
    /^@tsconfig\/(strictest|recommended|node[\w-]*|bun|create-react-app|next|next-strictest|react-native|remix|vite-react|vite-vue|react|deno|esm|cypress|nuxt|ember|taro|qjsengine)(\/|$)/,
    true,
  ],
  [/^@tsconfig\/(svelte|docusaurus)(\/|$)/, false],
  [/^@vue\/tsconfig(\/|$)/, true],
  [/^astro\/tsconfigs\/(strict|strictest)(\.json)?$/, true],
  [/^astro\/tsconfigs\/base(\.json)?$/, false],
  [/^@sindresorhus\/tsconfig(\/|$)/, true],
  [/^expo\/tsconfig\.base(\.json)?$/, false],
];

/** One tsconfig's verdict on `strict`, following `extends`. */
export interface StrictVerdict {
  readonly path: string;
  /** true/false when known; undefined when never set (TypeScript's default: not strict). */
  readonly strict?: boolean;
  /** Where the value came from: the file itself, a repository file, or a package name. */
  readonly from?: string;
  /** `noImplicitAny` and `strictNullChecks` both on, without `strict`. */
  readonly mostlyStrict: boolean;
  readonly checkJs: boolean;
  /** An `extends` that could not be followed (unknown package): strictness unverified. */
  readonly unresolved?: string;
  /** Only `files: []` + `references`: a solution file that type-checks nothing itself. */
  readonly solution: boolean;
  readonly error?: { readonly message: string; readonly line?: number };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function dirOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

function resolveRelative(from: string, target: string): string {
  const parts = dirOf(from).split("/").filter(Boolean);
  for (const p of target.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  const joined = parts.join("/");
  return joined.endsWith(".json") ? joined : `${joined}.json`;
}

interface Options {
  strict?: boolean;
  strictFrom?: string;
  noImplicitAny?: boolean;
  strictNullChecks?: boolean;
  checkJs?: boolean;
  unresolved?: string;
}

/** Read one config's compilerOptions merged over its bases (the file's own values win). */
function options(
  repo: RepoView,
  path: string,
  seen: Set<string>,
): Options & { raw?: Obj; error?: StrictVerdict["error"] } {
  const text = repo.text(path);
  if (text === undefined || seen.has(path) || seen.size > 10) return {};
  seen.add(path);
  const parsed = parseJsonc(text);
  if (!parsed.ok) return { error: { message: parsed.error, ...(parsed.line ? { line: parsed.line } : {}) } };
  const raw = isObj(parsed.value) ? parsed.value : {};
  const merged: Options = {};
  const bases = typeof raw.extends === "string" ? [raw.extends] : Array.isArray(raw.extends) ? raw.extends : [];
  for (const base of bases) {
    if (typeof base !== "string") continue;
    // `./node_modules/@tsconfig/node20/tsconfig.json` names a package, not a repository file.
    const inModules = /(?:^|\/)node_modules\/(.+)$/.exec(base);
    if ((base.startsWith(".") || base.startsWith("/")) && !inModules) {
      const target = resolveRelative(path, base.replace(/^\//, ""));
      if (!repo.has(target) || repo.text(target) === undefined) {
        merged.unresolved = base;
        continue;
      }
      const inherited = options(repo, target, seen);
      Object.assign(merged, definedOnly(inherited));
      continue;
    }
    const name = inModules?.[1] ?? base;
    const known = KNOWN_BASES.find(([re]) => re.test(name));
    if (known) {
      merged.strict = known[1];
      merged.strictFrom = name;
    } else merged.unresolved = base;
  }
  const co = isObj(raw.compilerOptions) ? raw.compilerOptions : {};
  if (typeof co.strict === "boolean") {
    merged.strict = co.strict;
    merged.strictFrom = path;
    delete merged.unresolved; // the file decides for itself
  }
  if (typeof co.noImplicitAny === "boolean") merged.noImplicitAny = co.noImplicitAny;
  if (typeof co.strictNullChecks === "boolean") merged.strictNullChecks = co.strictNullChecks;
  if (typeof co.checkJs === "boolean") merged.checkJs = co.checkJs;
  return { ...merged, raw };
}

function definedOnly(o: Options): Options {
  return Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== "raw" && k !== "error"));
}

/** The strictness of every project tsconfig/jsconfig (the project's own, not dependencies'). */
export function strictness(repo: RepoView): StrictVerdict[] {
  const out: StrictVerdict[] = [];
  for (const file of repo.glob([...TSCONFIG_GLOBS])) {
    if (!isOwnCode(file.path)) continue;
    const o = options(repo, file.path, new Set());
    const raw = o.raw ?? {};
    const solution =
      Array.isArray(raw.files) &&
      raw.files.length === 0 &&
      Array.isArray(raw.references) &&
      !isObj(raw.compilerOptions);
    out.push({
      path: file.path,
      ...(o.strict !== undefined ? { strict: o.strict } : {}),
      ...(o.strictFrom ? { from: o.strictFrom } : {}),
      mostlyStrict: o.noImplicitAny === true && o.strictNullChecks === true,
      checkJs: o.checkJs === true,
      ...(o.unresolved && o.strict === undefined ? { unresolved: o.unresolved } : {}),
      solution,
      ...(o.error ? { error: o.error } : {}),
    });
  }
  return out;
}
