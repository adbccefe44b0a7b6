/**
 * The writes of one scan's check run, at most one of them waiting for the installation's
 * pacing at a time. `begin` hands the in-progress write (create, or mark an existing run in
 * progress) to the pacer; when the scan finishes before that write's turn comes, `finish`
 * replaces it with the completed check run, so the scan costs one write instead of two.
 */
import type { ProbotOctokit } from "probot";
import { CHECK_NAME } from "./check-run.js";
import type { SendHooks } from "./pacing.js";

/** A `fetch` for this installation carrying per-request hooks (the pacer's `fetchFor`). */
export type FetchFor = (hooks: SendHooks) => typeof fetch;

/** The body of a completing write (status completed, conclusion, output, actions...). */
export type CompletedBody = Record<string, unknown> & { conclusion: string };

/** Priority of completing writes among an installation's waiting writes (ahead of new runs). */
const COMPLETE_PRIORITY = 4;

const now = () => new Date().toISOString();

/** One check run's writes. */
export class CheckRunWriter {
  private progress: Promise<number> | undefined;
  private sent = false;
  private final: CompletedBody | undefined;
  /** True when the completed body went out in place of the in-progress write. */
  coalesced = false;
  /** Writes sent (for logs). */
  writes = 0;

  constructor(
    private readonly octokit: ProbotOctokit,
    private readonly target: { owner: string; repo: string; sha: string },
    private readonly fetchFor?: FetchFor,
    private readonly onCreated?: (id: number) => void,
  ) {}

  private request(hooks: SendHooks): { request?: { fetch: typeof fetch } } {
    return this.fetchFor ? { request: { fetch: this.fetchFor(hooks) } } : {};
  }

  /**
   * Send (or queue) the in-progress write. Resolves once it is answered, or as soon as it has to
   * wait for pacing (the scan then goes on without it). Rejects when the write itself failed.
   */
  begin(existingId?: number): Promise<void> {
    const { owner, repo, sha } = this.target;
    let deferred!: () => void;
    const waiting = new Promise<void>((resolve) => {
      deferred = resolve;
    });
    const hooks: SendHooks = {
      onDeferred: () => deferred(),
      beforeSend: (init) => {
        this.sent = true;
        this.writes++;
        if (!this.final) return init;
        this.coalesced = true;
        const body = existingId === undefined ? { name: CHECK_NAME, head_sha: sha, ...this.final } : this.final;
        return { ...init, body: JSON.stringify(body) };
      },
    };
    const started_at = now();
    this.progress = (
      existingId === undefined
        ? this.octokit
            .request("POST /repos/{owner}/{repo}/check-runs", {
              owner,
              repo,
              name: CHECK_NAME,
              head_sha: sha,
              status: "in_progress",
              started_at,
              ...this.request(hooks),
            })
            .then((r) => Number(r.data.id))
        : this.octokit
            .request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
              owner,
              repo,
              check_run_id: existingId,
              status: "in_progress",
              started_at,
              ...this.request(hooks),
            })
            .then(() => existingId)
    ).then((id) => {
      this.onCreated?.(id);
      return id;
    });
    // Awaited in `finish`; this keeps an early failure from being reported as unhandled.
    this.progress.catch(() => undefined);
    return Promise.race([this.progress.then(() => undefined), waiting]);
  }

  /** The check run's id once its first write is answered (undefined before `begin`). */
  get id(): Promise<number> | undefined {
    return this.progress;
  }

  /**
   * Complete the check run with `body`. Without `begin` (or when the in-progress write has not
   * gone out yet) this is the run's only write. Returns the check run's id.
   */
  async finish(body: Omit<CompletedBody, "completed_at">, existingId?: number): Promise<number> {
    const final = { status: "completed", completed_at: now(), ...body } as unknown as CompletedBody;
    const { owner, repo, sha } = this.target;
    if (!this.progress) {
      this.final = final;
      this.writes++;
      this.coalesced = true;
      const priority = this.request({ priority: COMPLETE_PRIORITY });
      if (existingId !== undefined) {
        await this.octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
          owner,
          repo,
          check_run_id: existingId,
          ...final,
          ...priority,
        } as never);
        return existingId;
      }
      const created = await this.octokit.request("POST /repos/{owner}/{repo}/check-runs", {
        owner,
        repo,
        name: CHECK_NAME,
        head_sha: sha,
        ...final,
        ...priority,
      } as never);
      const id = Number((created.data as { id: number }).id);
      this.onCreated?.(id);
      return id;
    }
    if (!this.sent) this.final = final;
    const id = await this.progress;
    if (this.coalesced) return id;
    this.writes++;
    await this.octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      owner,
      repo,
      check_run_id: id,
      ...final,
      ...this.request({ priority: COMPLETE_PRIORITY }),
    } as never);
    return id;
  }

  /** A later update of a run already completed (annotation batches), paced like the completion. */
  async update(id: number, body: Record<string, unknown>): Promise<void> {
    const { owner, repo } = this.target;
    this.writes++;
    await this.octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      owner,
      repo,
      check_run_id: id,
      ...body,
      ...this.request({ priority: COMPLETE_PRIORITY }),
    } as never);
  }
}
