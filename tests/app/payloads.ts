/**
 * Real webhook payloads from `@octokit/webhooks-examples`, cloned, with only the ids, names
 * and shas a test needs changed.
 */
import { createRequire } from "node:module";

const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as {
  name: string;
  examples: Record<string, unknown>[];
}[];

/** The installation every test payload comes from. */
export const INSTALLATION_ID = 957387;

// biome-ignore lint/suspicious/noExplicitAny: payloads are edited field by field; their shapes are GitHub's.
type Json = Record<string, any>;

/** A deep copy of the first example of `event` with this `action` (and a predicate, when several). */
export function example(event: string, action: string, pick: (p: Json) => boolean = () => true): Json {
  const found = examples.find((e) => e.name === event)?.examples.find((p) => p.action === action && pick(p));
  if (!found) throw new Error(`no example payload for ${event}.${action}`);
  return structuredClone(found) as Json;
}

/** Where a payload points: the repository and the commit. */
export interface Target {
  readonly owner: string;
  readonly repo: string;
  readonly sha: string;
  readonly branch?: string;
}

function retarget(p: Json, t: Target): Json {
  p.installation = { ...p.installation, id: INSTALLATION_ID };
  p.repository.name = t.repo;
  p.repository.full_name = `${t.owner}/${t.repo}`;
  p.repository.owner.login = t.owner;
  return p;
}

/** `check_suite.requested` / `rerequested` for a commit. */
export function checkSuite(action: "requested" | "rerequested", t: Target): Json {
  const p = retarget(
    example("check_suite", action, (x) => x.installation !== undefined),
    t,
  );
  p.check_suite.head_sha = t.sha;
  p.check_suite.after = t.sha;
  p.check_suite.head_branch = t.branch ?? "main";
  return p;
}

/** `check_run.rerequested` / `requested_action` on the App's check run `id`. */
export function checkRun(
  action: "rerequested" | "requested_action",
  t: Target & { id: number; name?: string; identifier?: string },
): Json {
  const p = retarget(example("check_run", action), t);
  p.check_run.id = t.id;
  p.check_run.name = t.name ?? "Portfolio quality";
  p.check_run.head_sha = t.sha;
  p.check_run.check_suite.head_branch = t.branch ?? "main";
  if (action === "requested_action") p.requested_action = { identifier: t.identifier ?? "rescan" };
  return p;
}

function repoEntries(owner: string, names: readonly string[]): Json[] {
  return names.map((name, i) => ({
    id: 186853002 + i,
    node_id: `R_${i}`,
    name,
    full_name: `${owner}/${name}`,
    private: false,
  }));
}

/** `installation.created` for an account with these repositories. */
export function installationCreated(owner: string, names: readonly string[]): Json {
  const p = example("installation", "created");
  p.installation.id = INSTALLATION_ID;
  p.installation.account.login = owner;
  p.repositories = repoEntries(owner, names);
  return p;
}

/** `installation_repositories.added` with these repositories. */
export function repositoriesAdded(owner: string, names: readonly string[]): Json {
  const p = example("installation_repositories", "added");
  p.installation.id = INSTALLATION_ID;
  p.installation.account.login = owner;
  p.repositories_added = repoEntries(owner, names);
  return p;
}
