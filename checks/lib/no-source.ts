/**
 * A repository with no source code at all (an empty folder, a README alone) gives the checks
 * that judge code nothing to look at: they say so instead of failing, so the report's advice
 * is "add the code", not "add observability to code that does not exist".
 */
import type { Check, CheckOutcome, RepoView } from "../../src/engine/check.js";
import { info, notApplicable } from "../../src/engine/check.js";
import { isOwnCode, languageOf, OTHER_SOURCE } from "./languages.js";

/** True when the repository holds no source file in any language (notebooks count as code). */
export function hasNoSource(repo: RepoView): boolean {
  // Files, not bytes: an empty serve.py is still the start of code.
  return !repo.files.some(
    (f) =>
      (f.mode === "file" || f.mode === "executable") &&
      isOwnCode(f) &&
      (languageOf(f.path) !== undefined || OTHER_SOURCE.test(f.path)),
  );
}

/** The finding a code-dependent check gives when there is no source code: `subject` is what it judges. */
export function noSourceFinding(subject: string) {
  return info("no-source", `No source code in the repository: ${subject} is not judged.`);
}

/**
 * A code-dependent check's outcome, made not applicable when the repository has no source code
 * and the check found nothing to credit or to blame (a fail with no finding about any file).
 * Evidence that stands without code (a dvc.yaml, a compose file, a broken manifest) still counts.
 */
export function unlessNoSource(repo: RepoView, outcome: CheckOutcome, subject: string): CheckOutcome {
  if (outcome.score === null || outcome.score >= 0.25 || !hasNoSource(repo)) return outcome;
  // A finding about a file (a broken manifest, a Dockerfile) is something judged: keep the verdict.
  if (outcome.findings.some((f) => f.path !== undefined)) return outcome;
  return notApplicable(noSourceFinding(subject));
}

/** The check, made not applicable (see `unlessNoSource`) on a repository without source code. */
export function codeDependent(check: Check, subject: string): Check {
  return { ...check, evaluate: (repo) => unlessNoSource(repo, check.evaluate(repo), subject) };
}
