import { isNode, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { CRITERION_IDS } from "./criteria.js";
import type { CriterionId } from "./types.js";

/** Where a repository keeps its configuration. */
export const CONFIG_PATH = ".github/portfolio-quality.yml";

const weight = z.number().min(0).max(100);
const criterionId = z.enum(CRITERION_IDS as [CriterionId, ...CriterionId[]]);
const checkId = z.string().regex(/^[a-z_]+\.[a-z0-9_-]+$/, "a check id looks like testing.coverage");

const checkSetting = z.union(
  [
    z.literal("off").describe("turn the check off"),
    weight.describe("the check's weight inside its criterion"),
    z.strictObject({ off: z.boolean().optional(), weight: weight.optional() }),
  ],
  { error: "expected off, a weight from 0 to 100, or { off: true|false, weight: 0-100 }" },
);

const rule = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "lower-case letters, digits, - and _"),
    title: z.string().min(1).optional(),
    criterion: criterionId.default("code_quality"),
    weight: weight.default(1),
    files: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).describe("glob(s) the rule looks at"),
    require: z.enum(["exist", "absent", "contain", "not_contain"]),
    pattern: z.string().min(1).optional().describe("RE2 regular expression, for contain / not_contain"),
    message: z.string().min(1).optional(),
  })
  .refine((r) => (r.require === "contain" || r.require === "not_contain") === (r.pattern !== undefined), {
    message: "pattern is required with contain / not_contain, and only with them",
    path: ["pattern"],
  });

/** The schema of `.github/portfolio-quality.yml`; the JSON Schema is generated from it. */
export const ConfigSchema = z
  .strictObject({
    _extends: z.string().optional().describe("another repository's config to start from (Probot)"),
    threshold: z.number().int().min(0).max(100).default(70).describe("minimum score that passes"),
    strict: z.boolean().default(false).describe("the App concludes `failure` (not `neutral`) below the threshold"),
    criteria: z
      .strictObject(
        Object.fromEntries(CRITERION_IDS.map((id) => [id, weight.optional()])) as Record<
          CriterionId,
          z.ZodOptional<typeof weight>
        >,
      )
      .default({})
      .describe("criterion weights in the total"),
    checks: z.record(checkId, checkSetting).default({}).describe("per-check `off` or weight"),
    exemptions: z
      .array(z.strictObject({ check: checkId, reason: z.string().min(1) }))
      .default([])
      .describe("checks that do not apply to this repository, with the reason shown in the report"),
    ignore: z.array(z.string().min(1)).default([]).describe("globs of paths the scan leaves out"),
    rules: z
      .array(rule)
      .default([])
      .describe("custom rules: a file must exist, be absent, contain or not contain a pattern"),
  })
  .describe("portfolio-quality configuration");

/** The validated configuration with defaults filled in. */
export type Config = z.output<typeof ConfigSchema>;
/** A custom rule from the config. */
export type CustomRule = Config["rules"][number];

/** The configuration used when a repository has none. */
export const DEFAULT_CONFIG: Config = ConfigSchema.parse({});

/** A config problem, precise enough to annotate: file, 1-based line, dotted field. */
export interface ConfigIssue {
  readonly file: string;
  readonly line: number | null;
  readonly field: string;
  readonly message: string;
}

/** The config to use and what was wrong with the text it came from. */
export interface LoadedConfig {
  readonly config: Config;
  /** Empty when the config was valid. When not, `config` keeps every valid top-level field. */
  readonly issues: readonly ConfigIssue[];
  /** The line of a field (`["rules", 0, "pattern"]`) in the file's text, when the text is known. */
  readonly lineOf?: (path: readonly PropertyKey[]) => number | null;
}

/** JSON Schema for editors, generated from the zod schema. */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ConfigSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}

function fieldName(path: readonly PropertyKey[]): string {
  return (
    path
      .map((p) => (typeof p === "number" ? `[${p}]` : String(p)))
      .join(".")
      .replace(/\.\[/g, "[") || "(top level)"
  );
}

/**
 * Parse and validate config YAML. Untrusted: aliases are capped, patterns are checked later
 * with a linear-time engine. Invalid fields are reported with their line and dropped, so the
 * caller can still scan with the defaults for those fields.
 */
export function parseConfig(text: string, file: string = CONFIG_PATH, knownChecks?: ReadonlySet<string>): LoadedConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? null : lines.linePos(offset).line);
  if (doc.errors.length > 0) {
    return {
      config: DEFAULT_CONFIG,
      issues: doc.errors.map((e) => ({
        file,
        line: lineOf(e.pos[0]),
        field: "(yaml)",
        message: e.message.split("\n")[0] ?? e.message,
      })),
    };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (error) {
    return { config: DEFAULT_CONFIG, issues: [{ file, line: 1, field: "(yaml)", message: (error as Error).message }] };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return {
      config: DEFAULT_CONFIG,
      issues: [{ file, line: 1, field: "(top level)", message: "expected a mapping of settings" }],
    };
  }
  const lineOfPath = (path: readonly PropertyKey[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return lineOf(node.range[0]);
    }
    return null;
  };
  const loaded = validateConfig(raw as Record<string, unknown>, file, lineOfPath);
  const checked = knownChecks ? checkIds(loaded, file, knownChecks, lineOfPath) : loaded;
  return { ...checked, lineOf: lineOfPath };
}

/** Report check ids in `checks` and `exemptions` that name no check (a typo would silently do nothing). */
export function checkIds(
  loaded: LoadedConfig,
  file: string,
  known: ReadonlySet<string>,
  lineOf: (path: readonly PropertyKey[]) => number | null = () => null,
): LoadedConfig {
  const issues: ConfigIssue[] = [];
  const unknown = (id: string) => !known.has(id) && !id.startsWith("custom.");
  for (const id of Object.keys(loaded.config.checks))
    if (unknown(id))
      issues.push({ file, line: lineOf(["checks", id]), field: `checks.${id}`, message: `no check has the id ${id}` });
  loaded.config.exemptions.forEach((e, i) => {
    if (unknown(e.check))
      issues.push({
        file,
        line: lineOf(["exemptions", i, "check"]),
        field: `exemptions[${i}].check`,
        message: `no check has the id ${e.check}`,
      });
  });
  return issues.length === 0 ? loaded : { config: loaded.config, issues: [...loaded.issues, ...issues] };
}

/**
 * Validate an already-parsed config object (the merged `_extends` chain the App reads).
 * `lineOf` maps a field path to its line when the text is known.
 */
export function validateConfig(
  raw: Record<string, unknown>,
  file: string = CONFIG_PATH,
  lineOf: (path: readonly PropertyKey[]) => number | null = () => null,
): LoadedConfig {
  const result = ConfigSchema.safeParse(raw);
  if (result.success) return { config: result.data, issues: [] };
  const issues: ConfigIssue[] = result.error.issues.map((issue) => {
    const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] ?? ""] : issue.path;
    return { file, line: lineOf(path), field: fieldName(path), message: issue.message };
  });
  // Keep every top-level field that validates on its own; the others fall back to defaults.
  const bad = new Set(
    result.error.issues.map((i) => (i.path.length > 0 ? String(i.path[0]) : i.code === "unrecognized_keys" ? "" : "")),
  );
  for (const i of result.error.issues)
    if (i.code === "unrecognized_keys" && i.path.length === 0) for (const k of i.keys) bad.add(k);
  const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k)));
  const fallback = ConfigSchema.safeParse(kept);
  return { config: fallback.success ? fallback.data : DEFAULT_CONFIG, issues };
}
