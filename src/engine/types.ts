/**
 * The types that flow through the engine: snapshot in, report out.
 * Everything here is plain data so that a report can be serialised and compared.
 */

/** How a path is stored: regular files are the only ones whose contents are ever read. */
export type FileMode = "file" | "executable" | "symlink" | "submodule" | "special";

/** One entry of a repository listing. */
export interface RepoFile {
  /** Repository-relative path with forward slashes, no leading "./". */
  readonly path: string;
  /** Size in bytes as listed (for a sparse file, its apparent size). */
  readonly size: number;
  readonly mode: FileMode;
}

/** Why a file's text is not available to the checks. */
export type UnreadReason = "not_planned" | "binary" | "too_large" | "unreadable" | "not_regular" | "over_budget";

/** The text of one file, or the reason there is none. */
export type FileContent =
  | {
      readonly kind: "text";
      readonly text: string;
      readonly encoding: "utf-8" | "utf-16le" | "utf-16be";
      readonly truncated: boolean;
    }
  | { readonly kind: "unread"; readonly reason: UnreadReason; readonly detail?: string };

/** What the source met while listing or reading: a symlink loop, a FIFO, a truncated tree. */
export interface SourceNote {
  readonly id: string;
  readonly level: FindingLevel;
  readonly message: string;
  readonly path?: string;
}

/** Where a snapshot came from: shown in the report, never used to decide anything. */
export interface RepoIdentity {
  readonly source: "local" | "github";
  readonly name: string;
  readonly ref: string | null;
  readonly sha: string | null;
}

/** The listing of a repository before any content is read. */
export interface RepoListing {
  readonly identity: RepoIdentity;
  /** Every listed file, sorted by path (code-unit order). */
  readonly files: readonly RepoFile[];
  readonly notes: readonly SourceNote[];
}

/** A listing plus the contents the read plan asked for. */
export interface RepoSnapshot extends RepoListing {
  readonly contents: ReadonlyMap<string, FileContent>;
}

/** The criteria of the hiring guide's project checklist. */
export type CriterionId =
  | "testing"
  | "documentation"
  | "ci_cd"
  | "code_structure"
  | "code_quality"
  | "containerization"
  | "monitoring"
  | "scalability";

/** info: evidence seen; warning: a partial shortfall; failure: a missing practice or a real problem. */
export type FindingLevel = "info" | "warning" | "failure";

/** One thing a check saw, with where it saw it and, for a shortfall, how to fix it. */
export interface Finding {
  /** Stable id within the check (like an ESLint messageId): tests and annotations key on it. */
  readonly id: string;
  readonly level: FindingLevel;
  readonly message: string;
  readonly path?: string;
  /** 1-based line. */
  readonly line?: number;
  readonly remediation?: string;
  readonly docs?: string;
}

/** What a check returns: a score in [0, 1], or null for "not applicable", and its findings. */
export interface CheckOutcome {
  readonly score: number | null;
  readonly findings: readonly Finding[];
}

/** Status derived from a score: pass >= 0.75, partial >= 0.25, fail below. */
export type CheckStatus = "pass" | "partial" | "fail" | "not_applicable" | "error";

/** The result of one check in a report. */
export interface CheckResult {
  readonly id: string;
  readonly criterion: CriterionId;
  readonly title: string;
  readonly status: CheckStatus;
  readonly score: number | null;
  readonly weight: number;
  readonly findings: readonly Finding[];
  /** Reason given in the config when the check is exempted. */
  readonly exemption?: string;
  /** Points out of 100 that a full score on this check would add to the total. */
  readonly gain: number;
  /** The check's own remediation and docs, shown with its shortfalls. */
  readonly remediation: string;
  readonly docs: string;
}

/** A criterion's roll-up: score 0-100, or null when none of its checks applied. */
export interface CriterionResult {
  readonly id: CriterionId;
  readonly title: string;
  readonly weight: number;
  readonly score: number | null;
}

/** Letter grade from the total: A >= 90, B >= 80, C >= 70, D >= 60, else F. */
export type Grade = "A" | "B" | "C" | "D" | "F";

/** The whole result of a scan: what every renderer consumes. */
export interface Report {
  readonly tool: { readonly name: string; readonly version: string };
  readonly repo: RepoIdentity;
  readonly score: number;
  readonly grade: Grade;
  readonly threshold: number;
  readonly passed: boolean;
  readonly criteria: readonly CriterionResult[];
  readonly checks: readonly CheckResult[];
  /** Scan-level findings: what the source met, config problems, skipped files. */
  readonly notes: readonly Finding[];
  readonly stats: {
    readonly files: number;
    readonly filesRead: number;
    readonly bytesRead: number;
    readonly durationMs: number;
  };
}
