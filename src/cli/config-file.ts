import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Check } from "../engine/check.js";
import { CONFIG_PATH, type ConfigIssue, type LoadedConfig, parseConfig } from "../engine/config.js";
import { UsageError } from "./io.js";

/** Load the config for a local check: `--config FILE`, else the repo's own file, else defaults. */
export function loadLocalConfig(
  dir: string,
  explicit: string | undefined,
  checks: readonly Check[],
): LoadedConfig & { file: string | null; shown: string } {
  const file = explicit ?? (existsSync(join(dir, CONFIG_PATH)) ? join(dir, CONFIG_PATH) : null);
  if (file === null) return { ...parseConfig("", CONFIG_PATH, knownIds(checks)), file: null, shown: CONFIG_PATH };
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a folder"
          : code === "EACCES"
            ? "permission denied"
            : String(code ?? error);
    throw new UsageError(`Cannot read config ${file}: ${why}`);
  }
  const shown = explicit ?? relative(dir, file);
  return { ...parseConfig(text, shown, knownIds(checks)), file, shown };
}

function knownIds(checks: readonly Check[]): ReadonlySet<string> {
  return new Set(checks.map((c) => c.id));
}

/** One line per issue: `file:line: field: message`. */
export function formatIssues(issues: readonly ConfigIssue[]): string {
  return issues.map((i) => `${i.file}${i.line !== null ? `:${i.line}` : ""}: ${i.field}: ${i.message}`).join("\n");
}
