/**
 * Dockerfiles parsed into stages and instructions with `dockerfile-ast`, build arguments
 * resolved from their defaults, and the facts a best-practice review needs: base images,
 * the effective USER of each stage, COPY/ADD sources, CMD/ENTRYPOINT, ENV/ARG properties.
 */
import { DockerfileParser, type Instruction } from "dockerfile-ast";
import type { ReadRequest, RepoFile, RepoView } from "../../src/engine/check.js";
import { isOwnCode } from "./languages.js";

/**
 * Every name Docker and Podman builds accept, in any folder. Spelled out in both cases rather
 * than matched case-insensitively: exact names and extensions are index lookups, and the one
 * wildcard pattern scans the listing once (this runs on 100,000-file repositories).
 */
export const DOCKERFILE_GLOBS = [
  "**/{Dockerfile,dockerfile,Containerfile,containerfile}",
  "**/*.{dockerfile,Dockerfile,containerfile,Containerfile}",
  "**/@(Dockerfile|dockerfile|Containerfile|containerfile).*",
] as const;

/** The Dockerfiles a check reads. */
export const DOCKERFILE_READ: ReadRequest = { globs: DOCKERFILE_GLOBS, maxFiles: 20, priority: 1 };

/** `.dockerignore` files, including BuildKit's per-Dockerfile `<name>.dockerignore`. */
export const DOCKERIGNORE_READ: ReadRequest = {
  globs: ["**/.dockerignore", "**/*.dockerignore"],
  maxFiles: 20,
  priority: 1,
};

// Names that match the globs but are documentation, templates of other tools or ignore files.
// Lower-case names are accepted (`dockerfile.dev` exists), so `dockerfile.ts` must be ruled out too;
// Jinja/Go templates of a Dockerfile are not buildable as they stand.
const NOT_A_DOCKERFILE =
  /\.(md|rst|txt|adoc|html?|dockerignore|orig|bak|swp|json|ya?ml|sh|ps1|py|lock|[cm]?[jt]sx?|go|rs|java|kt|rb|php|snap|toml|cfg|ini|j2|jinja2?|tmpl|tpl|template|erb|mustache|hbs)$/i;
// Test fixtures and sample data hold Dockerfiles that are not the project's image.
const FIXTURE = /(^|\/)(fixtures?|testdata|__fixtures__|__snapshots__)\//i;

/** The project's Dockerfiles in the listing: not vendored, not documentation, not fixtures. */
export function dockerfilePaths(repo: RepoView): RepoFile[] {
  return repo
    .glob(DOCKERFILE_GLOBS)
    .filter((f) => (f.mode === "file" || f.mode === "executable") && isOwnCode(f))
    .filter((f) => !NOT_A_DOCKERFILE.test(f.path) && !FIXTURE.test(f.path));
}

/** One instruction, with 1-based line and its arguments (flags apart). */
export interface DockerInstruction {
  readonly keyword: string;
  readonly line: number;
  readonly args: readonly string[];
  /** The raw argument text after the keyword, continuation lines joined. */
  readonly raw: string;
  /** `--from=`, `--chown=` and friends, by name. */
  readonly flags: Readonly<Record<string, string | null>>;
  /** The exec-form strings (`CMD ["a", "b"]`), when the instruction uses JSON form. */
  readonly json?: readonly string[];
  /** ENV/ARG name=value pairs (value null for `ARG NAME`). */
  readonly properties?: readonly { readonly name: string; readonly value: string | null }[];
}

/** A base image reference after build-argument substitution. */
export interface ImageRef {
  /** As written, e.g. `python:${PY}`. */
  readonly written: string;
  /** After substitution, e.g. `python:3.11-slim`; unresolved variables are kept as `${X}`. */
  readonly resolved: string;
  /** Repository without registry or tag, lower-case, e.g. `python`, `library/python`, `nvidia/cuda`. */
  readonly name: string;
  readonly tag?: string;
  readonly digest?: string;
  /** True when a `${VAR}` could not be resolved from an ARG default. */
  readonly unresolved: boolean;
}

/** One build stage, from its FROM to the next. */
export interface DockerStage {
  readonly index: number;
  readonly line: number;
  readonly alias?: string;
  readonly image?: ImageRef;
  /** Index of an earlier stage this one builds FROM (`FROM builder`). */
  readonly parent?: number;
  readonly instructions: readonly DockerInstruction[];
}

/** A problem the parser met, with its 1-based line. */
export interface DockerfileProblem {
  readonly message: string;
  readonly line: number;
}

/** A parsed Dockerfile. */
export interface DockerfileModel {
  readonly stages: readonly DockerStage[];
  /** ARG defaults declared before the first FROM. */
  readonly globalArgs: ReadonlyMap<string, string | null>;
  readonly problems: readonly DockerfileProblem[];
}

const KEYWORDS = new Set([
  "ADD",
  "ARG",
  "CMD",
  "COPY",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "FROM",
  "HEALTHCHECK",
  "LABEL",
  "MAINTAINER",
  "ONBUILD",
  "RUN",
  "SHELL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR",
]);

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]{0,100})(?::?([-+])([^}]{0,200}))?\}|\$([A-Za-z_][A-Za-z0-9_]{0,100})/g;

/** Substitute `$VAR`, `${VAR}`, `${VAR:-default}` from known values; unknown ones stay as written. */
export function substitute(text: string, values: ReadonlyMap<string, string | null>): string {
  return text.replace(VARIABLE, (whole, braced?: string, op?: string, alt?: string, bare?: string) => {
    const name = braced ?? bare ?? "";
    const value = values.get(name);
    const set = value !== undefined && value !== null && value !== "";
    if (op === "-") return set ? value : (alt ?? "");
    if (op === "+") return set ? (alt ?? "") : "";
    return set ? value : whole;
  });
}

/** Split `registry/name:tag@digest` into its parts. */
export function parseImage(written: string, resolved: string): ImageRef {
  let rest = resolved.trim();
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split("/");
  // A first segment with a dot, a colon or "localhost" is a registry host, not part of the name.
  const first = parts[0] ?? "";
  if (parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost")) parts.shift();
  return {
    written,
    resolved,
    name: parts.join("/").toLowerCase(),
    ...(tag ? { tag } : {}),
    ...(digest ? { digest } : {}),
    unresolved: resolved.includes("$"),
  };
}

function flagsOf(instruction: Instruction): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  const withFlags = instruction as Instruction & {
    getFlags?: () => { getName(): string; getValue(): string | null }[];
  };
  for (const flag of withFlags.getFlags?.() ?? []) out[flag.getName().toLowerCase()] = flag.getValue();
  return out;
}

// Docker reads `["a", "b"]` as exec form only when it is a valid JSON array of strings;
// anything else is shell form. dockerfile-ast's own JSON strings drop inner spaces.
function execForm(raw: string): string[] | undefined {
  if (!raw.startsWith("[")) return undefined;
  try {
    const value: unknown = JSON.parse(raw.replace(/\\\r?\n/g, " "));
    return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : undefined;
  } catch {
    return undefined;
  }
}

function toInstruction(instruction: Instruction): DockerInstruction {
  const keyword = instruction.getKeyword().toUpperCase();
  const raw = (instruction.getArgumentsContent() ?? "").trim();
  const base = {
    keyword,
    line: instruction.getRange().start.line + 1,
    args: instruction.getArguments().map((a) => a.getValue()),
    raw,
    flags: flagsOf(instruction),
  };
  const json = execForm(raw);
  const props = instruction as Instruction & {
    getProperties?: () => { getName(): string; getValue(): string | null }[];
  };
  const properties =
    keyword === "ENV" || keyword === "ARG"
      ? props.getProperties?.().map((p) => ({ name: p.getName(), value: p.getValue() }))
      : undefined;
  return { ...base, ...(json && json.length > 0 ? { json } : {}), ...(properties ? { properties } : {}) };
}

/** Parse a Dockerfile's text. Never throws: what it cannot understand becomes a problem with a line. */
export function parseDockerfile(text: string): DockerfileModel {
  const problems: DockerfileProblem[] = [];
  let instructions: DockerInstruction[];
  try {
    instructions = DockerfileParser.parse(text).getInstructions().map(toInstruction);
  } catch (error) {
    return {
      stages: [],
      globalArgs: new Map(),
      problems: [{ message: `could not parse: ${(error as Error).message}`, line: 1 }],
    };
  }
  const globalArgs = new Map<string, string | null>();
  const stages: DockerStage[] = [];
  let current: { index: number; line: number; alias?: string; image?: ImageRef; parent?: number } | undefined;
  let body: DockerInstruction[] = [];
  const close = () => {
    if (current) stages.push({ ...current, instructions: body });
  };
  for (const ins of instructions) {
    if (!KEYWORDS.has(ins.keyword)) {
      problems.push({ message: `unknown instruction "${ins.keyword}"`, line: ins.line });
      continue;
    }
    if (ins.keyword === "FROM") {
      close();
      body = [];
      const [written, as, alias] = ins.args;
      current = { index: stages.length, line: ins.line };
      if (!written) {
        problems.push({ message: "FROM without an image", line: ins.line });
        continue;
      }
      if (as?.toUpperCase() === "AS" && alias) current.alias = alias.toLowerCase();
      const resolved = substitute(written, globalArgs);
      const parent = stages.find((s) => s.alias !== undefined && s.alias === resolved.toLowerCase());
      if (parent) current.parent = parent.index;
      else current.image = parseImage(written, resolved);
      continue;
    }
    if (!current) {
      if (ins.keyword === "ARG") for (const p of ins.properties ?? []) globalArgs.set(p.name, p.value);
      else problems.push({ message: `${ins.keyword} before the first FROM`, line: ins.line });
      continue;
    }
    body.push(ins);
  }
  close();
  if (stages.length === 0 && problems.length === 0) problems.push({ message: "no FROM instruction", line: 1 });
  return { stages, globalArgs, problems };
}

/** The source operands of a COPY/ADD (destination and flags dropped; heredocs dropped). */
export function copySources(ins: DockerInstruction): string[] {
  const operands = ins.json ?? ins.args;
  return operands.slice(0, -1).filter((s) => !s.startsWith("<<"));
}
