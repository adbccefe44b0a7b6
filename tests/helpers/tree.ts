/**
 * Fixtures as literal trees: `{ "README.md": "# x", "src/a.py": "..." }` built in memory,
 * planned and decoded exactly as a real scan would, then handed to a check.
 */
import type { Check } from "../../src/engine/check.js";
import { statusOf } from "../../src/engine/evaluate.js";
import { planReads } from "../../src/engine/plan.js";
import { RepoView } from "../../src/engine/repo-view.js";
import type {
  CheckOutcome,
  CheckStatus,
  FileContent,
  FileMode,
  RepoFile,
  RepoSnapshot,
} from "../../src/engine/types.js";
import { decodeBytes } from "../../src/repo/decode.js";

/** A file's bytes or text, or a special entry (symlink, submodule, a file of a given size). */
export type TreeEntry =
  | string
  | Uint8Array
  | { readonly mode: FileMode; readonly size?: number; readonly text?: string };

/** A repository as a literal: path -> entry. */
export type Tree = Readonly<Record<string, TreeEntry>>;

/** Build the snapshot a scan would produce for this tree, reading what the checks plan to read. */
export function snapshotOf(tree: Tree, checks: readonly Pick<Check, "reads">[]): RepoSnapshot {
  const files: RepoFile[] = Object.entries(tree)
    .map(([path, entry]): RepoFile => {
      if (typeof entry === "string") return { path, size: Buffer.byteLength(entry), mode: "file" };
      if (entry instanceof Uint8Array) return { path, size: entry.length, mode: "file" };
      return { path, size: entry.size ?? Buffer.byteLength(entry.text ?? ""), mode: entry.mode };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const plan = planReads(files, checks);
  const contents = new Map<string, FileContent>();
  for (const path of plan.paths) {
    const entry = tree[path];
    if (typeof entry === "string") contents.set(path, decodeBytes(new TextEncoder().encode(entry)));
    else if (entry instanceof Uint8Array) contents.set(path, decodeBytes(entry));
    else if (entry?.text !== undefined) contents.set(path, decodeBytes(new TextEncoder().encode(entry.text)));
  }
  for (const [path, reason] of plan.skipped) contents.set(path, { kind: "unread", reason });
  return { identity: { source: "local", name: "fixture", ref: null, sha: null }, files, notes: [], contents };
}

/** What a check said about a tree, with the status the engine would give it. */
export interface CheckRun extends CheckOutcome {
  readonly status: CheckStatus;
  /** The finding ids, in order: what table tests compare. */
  readonly ids: readonly string[];
}

/** Run one check on a literal tree, through the real planner and decoder. */
export function runCheck(check: Check, tree: Tree): CheckRun {
  const outcome = check.evaluate(new RepoView(snapshotOf(tree, [check])));
  return { ...outcome, status: statusOf(outcome.score), ids: outcome.findings.map((f) => f.id) };
}
