/**
 * The pip requirements-file grammar: one requirement per logical line, comments after
 * whitespace, backslash continuations, `-r`/`-c` includes, editable and VCS/URL requirements,
 * global and per-requirement options. Also the requirement types every format shares.
 */
import { resolveRelative } from "./repo-paths.js";

/** How tightly a requirement fixes its version. */
export type Constraint = "exact" | "bounded" | "lower" | "none";

/** One requirement, whatever file format it came from. */
export interface Requirement {
  /** The distribution name as written. */
  readonly name: string;
  /** PEP 503 normalised name: lower case, runs of `-_.` as one `-`. */
  readonly key: string;
  /** The version part as written (`==1.2`, `>=1,<2`, conda `=1.24.3`), "" when none. */
  readonly spec: string;
  /** An exact version: `==`/`===` without a wildcard, conda `=x`/`==x`, a VCS commit or an archive. */
  readonly pinned: boolean;
  readonly constraint: Constraint;
  /** 1-based line of the requirement (its first line when continued with `\`). */
  readonly line: number;
  readonly marker?: string;
  readonly extras?: readonly string[];
  /** pep508: a name with a specifier; url: a direct reference or VCS; local: a path or `-e .`. */
  readonly kind: "pep508" | "url" | "local";
  readonly url?: string;
  readonly editable?: boolean;
  /** The conda build string (`py39h6a678d5_0`): the mark of an exported environment. */
  readonly build?: string;
  /** From a dev/test section or file. */
  readonly dev: boolean;
}

/** A `-r`/`-c` line and where it leads. */
export interface Include {
  /** The target as written. */
  readonly target: string;
  /** Repository path of the target, resolved against the including file's folder. */
  readonly path: string;
  readonly line: number;
  /** `-c`: a constraints file, whose pins do not add requirements. */
  readonly constraint: boolean;
  /** found: parsed too; missing: not in the repository; unread: listed but its text was not read. */
  status?: "found" | "missing" | "unread" | "remote";
}

/** A parsed dependency file. */
export interface RequirementsFile {
  readonly path: string;
  readonly format: "pip" | "conda" | "pipfile";
  readonly entries: readonly Requirement[];
  readonly includes: readonly Include[];
  /** Global options (`--index-url`, `--find-links`, `--no-binary`...), value as written. */
  readonly options: readonly { readonly name: string; readonly value?: string; readonly line: number }[];
  /** Lines that could not be understood, or the parse error of a YAML/TOML file. */
  readonly errors: readonly { readonly message: string; readonly line?: number }[];
}

const DEV_FILE = /(^|[/_.-])(dev|develop|test|tests|testing|lint|docs?|ci|typing)([/_.-]|$)/i;
const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*/;
const VCS = /^(git|hg|svn|bzr)\+/;
const HEX_REF = /@[0-9a-f]{7,40}(?=$|#)/;
const ARCHIVE = /\.(whl|tar\.gz|tgz|zip|tar\.bz2)(#|$)/;

/** PEP 503 normalised distribution name. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/** The constraint class of a PEP 440 specifier set. */
export function classifySpec(spec: string): Constraint {
  const clauses = spec
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  if (clauses.length === 0) return "none";
  if (clauses.some((c) => c.startsWith("===") || (/^==\s*[^*\s]+$/.test(c) && !c.includes("*")))) return "exact";
  if (clauses.some((c) => /^(<|<=|~=)/.test(c) || /^==.*\*$/.test(c))) return "bounded";
  return "lower";
}

function isDevPath(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1).replace(/\.(txt|in)$/, "");
  return DEV_FILE.test(base) || /(^|\/)(docs?|tests?)\/|\/(dev|test|tests|lint|docs)\.(txt|in)$/.test(path);
}

/** `a/b/c.txt` + `../d.txt` -> `a/d.txt`; undefined when it leaves the repository. */
function resolve(from: string, target: string): string | undefined {
  return resolveRelative(from.includes("/") ? from.slice(0, from.lastIndexOf("/")) : "", target);
}

/** Physical lines joined where they end with `\`, each logical line with its first line number. */
function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    let current = lines[i] ?? "";
    while (current.endsWith("\\") && !/^\s*#/.test(current) && i + 1 < lines.length) {
      current = current.slice(0, -1) + (lines[++i] ?? "");
    }
    out.push({ text: current, line: start });
  }
  return out;
}

function requirementFromLine(body: string, line: number, dev: boolean, editable: boolean): Requirement | string {
  let rest = body.trim();
  let marker: string | undefined;
  // A marker follows `;`; in a bare URL it must be `; ` (pip's rule), a PEP 508 line any `;`.
  const semi = /^[a-z+]+:\/\/|^\.|^\//i.test(rest) ? rest.search(/;\s/) : rest.indexOf(";");
  if (semi !== -1) {
    marker = rest.slice(semi + 1).trim();
    rest = rest.slice(0, semi).trim();
  }
  const withMarker = marker ? { marker } : {};
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rest) || VCS.test(rest)) {
    const egg = /#egg=([A-Za-z0-9._-]+)/.exec(rest)?.[1] ?? rest.replace(/[#?].*$/, "").replace(/\/$/, "");
    const name = egg.slice(egg.lastIndexOf("/") + 1).replace(/\.git$/, "");
    const pinned = VCS.test(rest) ? HEX_REF.test(rest) : ARCHIVE.test(rest);
    return {
      name,
      key: normalizeName(name),
      spec: "",
      pinned,
      constraint: pinned ? "exact" : "none",
      line,
      kind: "url",
      url: rest,
      dev,
      ...withMarker,
      ...(editable ? { editable } : {}),
    };
  }
  if (/^(\.{1,2}(\/|$)|\/|~)/.test(rest) || (editable && !NAME.test(rest))) {
    return { name: rest, key: rest, spec: "", pinned: false, constraint: "none", line, kind: "local", dev, editable };
  }
  const m = NAME.exec(rest);
  if (!m?.[1]) return `not a requirement: ${rest.slice(0, 60)}`;
  const name = m[1];
  const extras = m[2]
    ? m[2]
        .slice(1, -1)
        .split(",")
        .map((e) => e.trim())
        .filter(Boolean)
    : undefined;
  const after = rest.slice(m[0].length).trim();
  const base = { name, key: normalizeName(name), line, dev, ...withMarker, ...(extras ? { extras } : {}) };
  if (after.startsWith("@")) {
    const url = after.slice(1).trim();
    const pinned = VCS.test(url) ? HEX_REF.test(url) : !url.startsWith("file:") && ARCHIVE.test(url);
    return { ...base, spec: "", pinned, constraint: pinned ? "exact" : "none", kind: "url", url };
  }
  const spec = after.replace(/^\((.*)\)$/, "$1").trim();
  if (spec && !/^(===?|~=|!=|<=?|>=?)/.test(spec)) return `not a version specifier: ${spec.slice(0, 60)}`;
  const constraint = classifySpec(spec);
  return { ...base, spec, pinned: constraint === "exact", constraint, kind: "pep508" };
}

/** Options pip accepts on their own line; their value, if any, is in the same token or the next. */
const TAKES_VALUE = new Set([
  "-i",
  "--index-url",
  "--extra-index-url",
  "-f",
  "--find-links",
  "--no-binary",
  "--only-binary",
  "--trusted-host",
  "--use-feature",
  "--config-settings",
  "--global-option",
  "--hash",
]);

/** Parse a pip requirements file (or a conda `pip:` list, one line per item). */
export function parsePip(text: string, path: string): RequirementsFile {
  const dev = isDevPath(path);
  const entries: Requirement[] = [];
  const includes: Include[] = [];
  const options: { name: string; value?: string; line: number }[] = [];
  const errors: { message: string; line?: number }[] = [];
  for (const { text: raw, line } of logicalLines(text)) {
    // A comment starts at `#` at the line's start or after whitespace (`#egg=` in a URL is not one).
    const body = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!body) continue;
    const inc = /^(-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+|(?<=^-[rc]))(\S+)/.exec(body);
    if (inc?.[2]) {
      const target = inc[2];
      const resolved = /^[a-z]+:\/\//i.test(target) ? undefined : resolve(path, target);
      includes.push({
        target,
        path: resolved ?? target,
        line,
        constraint: inc[1] === "-c" || inc[1] === "--constraint",
        ...(resolved === undefined ? { status: "remote" as const } : {}),
      });
      continue;
    }
    const ed = /^(-e|--editable)(?:\s*=\s*|\s+)(.+)$/.exec(body);
    if (ed?.[2]) {
      const r = requirementFromLine(ed[2], line, dev, true);
      if (typeof r === "string") errors.push({ message: r, line });
      else entries.push(r);
      continue;
    }
    if (body.startsWith("-")) {
      const tokens = body.split(/\s+/);
      for (let i = 0; i < tokens.length; i++) {
        const tok = tokens[i] ?? "";
        const [name, inline] = tok.split(/=(.*)/s, 2) as [string, string | undefined];
        const value = inline ?? (TAKES_VALUE.has(name) ? tokens[++i] : undefined);
        options.push({ name, line, ...(value !== undefined ? { value } : {}) });
      }
      continue;
    }
    // Per-requirement options (`--hash=...`) trail the requirement after whitespace.
    const req = body.replace(/\s+--?[a-z][\w-]*(?:[=\s]\S+)?/gi, "").trim();
    const r = requirementFromLine(req, line, dev, false);
    if (typeof r === "string") errors.push({ message: r, line });
    else entries.push(r);
  }
  return { path, format: "pip", entries, includes, options, errors };
}
