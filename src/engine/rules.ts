import { RE2JS } from "re2js";
import { type Check, defineCheck, failure, info, lineOfOffset, scored } from "./check.js";
import type { CustomRule } from "./config.js";
import type { Finding } from "./types.js";

/** Compile a pattern from an untrusted config with RE2 (linear time); throws a readable error. */
export function compilePattern(pattern: string): RE2JS {
  try {
    return RE2JS.compile(pattern);
  } catch (error) {
    throw new Error(`invalid pattern ${JSON.stringify(pattern)}: ${(error as Error).message}`);
  }
}

/** Turn a config rule into a check with id `custom.<id>`. Patterns run in linear time (RE2). */
export function ruleToCheck(rule: CustomRule): Check {
  const globs = typeof rule.files === "string" ? [rule.files] : rule.files;
  const re = rule.pattern === undefined ? undefined : compilePattern(rule.pattern);
  const describe =
    rule.title ??
    `${globs.join(", ")} must ${rule.require.replace("_", " ")}${rule.pattern ? ` /${rule.pattern}/` : ""}`;
  const fix = { remediation: rule.message ?? describe };
  return defineCheck({
    id: `custom.${rule.id}`,
    title: describe,
    criterion: rule.criterion,
    weight: rule.weight,
    looksFor: describe,
    why: "A rule set in this repository's .github/portfolio-quality.yml.",
    remediation: rule.message ?? describe,
    effort: "low",
    docs: "https://github.com/portfolio-quality/portfolio-quality#custom-rules",
    reads: re ? [{ globs, priority: 0, maxFiles: 50 }] : [],
    evaluate(repo) {
      const files = repo.glob(globs).filter((f) => f.mode === "file" || f.mode === "executable");
      switch (rule.require) {
        case "exist":
          return files.length > 0
            ? scored(1, [info("found", `${files[0]?.path} exists`, { path: files[0]?.path })])
            : scored(0, [failure("missing", `No file matches ${globs.join(", ")}`, {}, fix)]);
        case "absent":
          return files.length === 0
            ? scored(1, [info("absent", `No file matches ${globs.join(", ")}`)])
            : scored(
                0,
                files
                  .slice(0, 20)
                  .map((f) => failure("present", `${f.path} must not be committed`, { path: f.path }, fix)),
              );
        case "contain":
        case "not_contain": {
          const hits: Finding[] = [];
          let withMatch = 0;
          const texts = repo.read(globs);
          for (const f of texts) {
            const m = re?.matcher(f.text);
            if (m?.find()) {
              withMatch++;
              if (rule.require === "not_contain")
                hits.push(
                  failure(
                    "forbidden",
                    `${f.path} contains /${rule.pattern}/`,
                    { path: f.path, line: lineOfOffset(f.text, m.start()) },
                    fix,
                  ),
                );
            } else if (rule.require === "contain") {
              hits.push(failure("lacks", `${f.path} does not contain /${rule.pattern}/`, { path: f.path }, fix));
            }
          }
          if (texts.length === 0)
            return rule.require === "contain"
              ? scored(0, [failure("missing", `No readable file matches ${globs.join(", ")}`, {}, fix)])
              : scored(1, [info("absent", `No readable file matches ${globs.join(", ")}`)]);
          const ok = rule.require === "contain" ? withMatch === texts.length : withMatch === 0;
          return ok ? scored(1, [info("ok", describe)]) : scored(0, hits);
        }
      }
    },
  });
}
