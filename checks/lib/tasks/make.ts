/**
 * Makefiles read as make reads them: rules with prerequisites and tab-indented recipes,
 * variables expanded (`$(PYTHON) -m pytest`), `$(MAKE) x` left for the caller to follow.
 */
import type { ScriptLine, TaskDef } from "./shell.js";

/** A parsed Makefile: its targets, variables, includes and default goal. */
export interface Makefile {
  readonly targets: ReadonlyMap<string, TaskDef>;
  readonly defaultGoal?: string;
  /** Files named by `include` / `-include`, as written. */
  readonly includes: readonly string[];
}

interface Logical {
  text: string;
  line: number;
  recipe: boolean;
}

/** Join backslash continuations; keep whether the line is a recipe line (starts with a tab). */
function logicalLines(text: string): Logical[] {
  const rows = text.split(/\r\n|\r|\n/);
  const out: Logical[] = [];
  for (let i = 0; i < rows.length; i++) {
    const start = i;
    let row = rows[i] ?? "";
    while (row.endsWith("\\") && i + 1 < rows.length) row = `${row.slice(0, -1)} ${rows[++i] ?? ""}`;
    out.push({ text: row, line: start + 1, recipe: row.startsWith("\t") });
  }
  return out;
}

const ASSIGN = /^(?:export\s+|override\s+)?([A-Za-z_.][\w.-]*)\s*(?:::?=|:::=|\?=|\+=|!=|=)\s*(.*)$/;
const RULE = /^([^\s:=#][^:=#]*?)\s*(::?)(?!=)\s*(.*)$/;

/** Expand `$(VAR)` / `${VAR}` from the Makefile's own variables; unknown ones stay as written. */
export function expandVars(text: string, vars: ReadonlyMap<string, string>, target?: string, depth = 0): string {
  if (depth > 6) return text;
  return text
    .replace(/\$[({]([A-Za-z_][\w.-]*)[)}]/g, (whole, name: string) => {
      if (name === "MAKE") return "make";
      const v = vars.get(name);
      return v === undefined ? whole : expandVars(v, vars, target, depth + 1);
    })
    .replace(/\$@/g, target ?? "$@")
    .replace(/\$\$/g, "$");
}

/** Parse a Makefile. Pattern rules and special targets are kept out of the default goal. */
export function parseMakefile(text: string, path: string, dir: string): Makefile {
  const vars = new Map<string, string>();
  const raw = new Map<string, { line: number; deps: string[]; recipe: ScriptLine[] }>();
  const includes: string[] = [];
  let defaultGoal: string | undefined;
  let current: { line: number; deps: string[]; recipe: ScriptLine[] }[] = [];
  let inDefine = false;
  for (const l of logicalLines(text)) {
    if (inDefine) {
      if (/^\s*endef\b/.test(l.text)) inDefine = false;
      continue;
    }
    if (l.recipe) {
      const cmd = l.text
        .trim()
        .replace(/^[@+-]+\s*/, "")
        .trim();
      if (cmd && !cmd.startsWith("#")) for (const t of current) t.recipe.push({ text: cmd, line: l.line });
      continue;
    }
    const t = l.text.replace(/(^|\s)#.*$/, "").trimEnd();
    if (t.trim() === "") continue;
    if (/^\s*define\b/.test(t)) {
      inDefine = true;
      continue;
    }
    const inc = /^\s*-?s?include\s+(.+)$/.exec(t);
    if (inc?.[1]) {
      includes.push(...inc[1].split(/\s+/).filter(Boolean));
      continue;
    }
    if (/^\s*(ifeq|ifneq|ifdef|ifndef|else|endif|vpath|unexport)\b/.test(t)) continue;
    const assign = ASSIGN.exec(t.trim());
    if (assign?.[1] !== undefined) {
      if (assign[1] === ".DEFAULT_GOAL") defaultGoal = assign[2]?.trim();
      else vars.set(assign[1], (assign[2] ?? "").trim());
      current = [];
      continue;
    }
    const rule = RULE.exec(t);
    if (!rule?.[1]) {
      current = [];
      continue;
    }
    let rest = rule[3] ?? "";
    let inline: string | undefined;
    const semi = rest.indexOf(";");
    if (semi !== -1) {
      inline = rest.slice(semi + 1).trim();
      rest = rest.slice(0, semi);
    }
    // `test: PYTEST_ARGS = -x` is a target-specific variable, not prerequisites.
    if (/^[\w.-]+\s*(?:\?|\+|:)?=/.test(rest.trim())) {
      current = [];
      continue;
    }
    const deps = expandVars(rest, vars).split(/\s+/).filter(Boolean);
    current = [];
    for (const name of expandVars(rule[1], vars).split(/\s+/).filter(Boolean)) {
      let t = raw.get(name);
      if (!t) {
        t = { line: l.line, deps: [], recipe: [] };
        raw.set(name, t);
      }
      t.deps.push(...deps);
      if (inline) t.recipe.push({ text: inline, line: l.line });
      current.push(t);
      if (defaultGoal === undefined && !name.startsWith(".") && !name.includes("%")) defaultGoal = name;
    }
  }
  const targets = new Map<string, TaskDef>();
  for (const [name, t] of raw)
    targets.set(name, {
      path,
      line: t.line,
      dir,
      deps: t.deps.filter((d) => raw.has(d) && d !== name),
      commands: t.recipe.map((r) => ({ text: expandVars(r.text, vars, name), line: r.line })),
    });
  return { targets, includes, ...(defaultGoal !== undefined ? { defaultGoal } : {}) };
}
