/**
 * Commits scanned recently by this process, so a redelivered or racing `check_suite.requested`
 * for the same commit gives one check run, not two. Bounded in size and age.
 */
export class RecentScans {
  private readonly seen = new Map<string, number>();

  /** Keep keys for `ttlMs`, at most `max` of them (oldest dropped first). */
  constructor(
    private readonly ttlMs = 15 * 60_000,
    private readonly max = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Claim a key: true the first time (the caller scans), false while it is still recent. */
  claim(key: string): boolean {
    const t = this.clock();
    const at = this.seen.get(key);
    if (at !== undefined && t - at < this.ttlMs) return false;
    this.seen.delete(key);
    this.seen.set(key, t);
    while (this.seen.size > this.max) {
      const oldest = this.seen.keys().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
    return true;
  }

  /** Forget a key (a scan that could not even create its check run may be retried). */
  release(key: string): void {
    this.seen.delete(key);
  }
}
