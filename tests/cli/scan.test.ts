/**
 * `portfolio-quality scan` end to end against the fake GitHub API on loopback: the list (args,
 * --from, URLs, comments, duplicates), the token and API root, ranking, rows for repositories
 * that cannot be scanned, progress, formats, and --out.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { type FakeGitHub, startFakeGitHub } from "../helpers/fake-github.js";
import { archived, handles, MIDDLE, rawFiles, recordingIO, STRONG, WEAK } from "./scan-fixtures.js";

let fake: FakeGitHub;
let dir: string;

beforeEach(async () => {
  fake = await startFakeGitHub({
    repos: {
      "ada/churn": { files: STRONG },
      "bob/titanic": { files: WEAK },
      "cy/churn-lite": { files: MIDDLE },
      "dee/empty": { files: {}, empty: true },
      "eve/old": { files: MIDDLE },
    },
    handle: handles(
      rawFiles(() => fake),
      archived(() => fake, "eve/old"),
    ),
  });
  dir = mkdtempSync(join(tmpdir(), "pq-scan-"));
});
afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

interface JsonRow {
  rank: number | null;
  repository: string;
  status: string;
  score?: number;
  grade?: string;
  failure?: string;
  reason?: string;
  criteria?: Record<string, number | null>;
  gaps?: { check: string; points: number }[];
  commit?: string;
  report?: { repo: { name: string; sha: string } };
}

async function scanJson(args: string[], env: Record<string, string> = { GITHUB_TOKEN: "ghp_test" }) {
  const t = recordingIO(dir, { env });
  const code = await run(["scan", "--api-url", fake.url, "--format", "json", ...args], t.io);
  const parsed = t.out() ? (JSON.parse(t.out()) as { repositories: JsonRow[]; scannedAt: string }) : undefined;
  return { code, rows: parsed?.repositories ?? [], doc: parsed, err: t.err() };
}

describe("portfolio-quality scan: ranking and failure rows", () => {
  it("ranks by score with each criterion and three gaps, and says why the others were not scanned", async () => {
    const { code, rows, doc, err } = await scanJson([
      "bob/titanic",
      "https://github.com/ada/churn",
      "cy/churn-lite",
      "ghost/nowhere",
      "dee/empty",
      "eve/old",
    ]);
    expect(code).toBe(0);
    expect(doc?.scannedAt).toBe("2025-01-02T03:04:05.000Z");
    const scanned = rows.filter((r) => r.status === "scanned");
    expect(scanned.map((r) => r.repository)).toEqual(["ada/churn", "cy/churn-lite", "bob/titanic"]);
    expect(scanned.map((r) => r.rank)).toEqual([1, 2, 3]);
    const scores = scanned.map((r) => r.score as number);
    expect(scores[0]).toBeGreaterThan(scores[1] as number);
    expect(scores[1]).toBeGreaterThan(scores[2] as number);
    for (const r of scanned) {
      expect(Object.keys(r.criteria ?? {})).toEqual([
        "testing",
        "documentation",
        "ci_cd",
        "code_structure",
        "code_quality",
        "containerization",
        "monitoring",
        "scalability",
      ]);
      expect(r.gaps?.length).toBe(3);
      expect(r.commit).toBe(fake.repo(r.repository).latest.sha);
      expect(r.report?.repo.sha).toBe(r.commit);
    }
    const gaps = scanned[2]?.gaps ?? [];
    expect(gaps.map((g) => g.points)).toEqual([...gaps.map((g) => g.points)].sort((a, b) => b - a));
    const failed = rows.filter((r) => r.status === "failed");
    expect(failed.map((r) => [r.repository, r.rank, r.failure])).toEqual([
      ["ghost/nowhere", null, "not_found"],
      ["dee/empty", null, "empty"],
      ["eve/old", null, "archived"],
    ]);
    expect(failed[0]?.reason).toMatch(/^not found or not accessible/);
    expect(failed[1]?.reason).toMatch(/empty/);
    expect(failed[2]?.reason).toMatch(/archived/);
    expect(err).toMatch(/\[6\/6\]/);
  });

  it("scores archived repositories with --include-archived", async () => {
    const { rows } = await scanJson(["eve/old", "--include-archived"]);
    expect(rows.map((r) => [r.repository, r.status])).toEqual([["eve/old", "scanned"]]);
  });

  it("exits 1 when nothing at all could be scanned", async () => {
    const { code, rows } = await scanJson(["ghost/nowhere"]);
    expect(code).toBe(1);
    expect(rows[0]?.failure).toBe("not_found");
  });

  it("shares a rank between equal scores", async () => {
    fake.setRepo("ada/fork", { files: STRONG });
    const { rows } = await scanJson(["ada/churn", "ada/fork", "bob/titanic"]);
    expect(rows.map((r) => [r.repository, r.rank])).toEqual([
      ["ada/churn", 1],
      ["ada/fork", 1],
      ["bob/titanic", 3],
    ]);
  });

  it("makes a handful of API requests per repository, all naming the commit it resolved", async () => {
    await scanJson(["ada/churn"]);
    const lines = fake.requests.map((r) => `${r.method} ${r.route}`);
    expect(lines).toEqual(["GET repo", "GET commit", "GET tree", "POST graphql"]);
    const sha = fake.repo("ada/churn").latest.sha;
    expect(fake.requests.find((r) => r.route === "tree")?.path).toContain(sha);
  });
});

describe("portfolio-quality scan: the list", () => {
  it("reads --from files with comments, URLs and duplicates, merged with the arguments", async () => {
    writeFileSync(
      join(dir, "candidates.txt"),
      [
        "# shortlist, March",
        "https://github.com/ada/churn.git   # Ada",
        "",
        "bob/titanic",
        "git@github.com:cy/churn-lite.git",
        "ADA/CHURN",
        "https://github.com/bob/titanic/tree/main/notebooks",
      ].join("\n"),
    );
    const { code, rows, err } = await scanJson(["--from", "candidates.txt", "cy/churn-lite"]);
    expect(code).toBe(0);
    expect(rows.map((r) => r.repository).sort()).toEqual(["ada/churn", "bob/titanic", "cy/churn-lite"]);
    expect(err).toMatch(/3 duplicate entries skipped/);
    expect(fake.count("repo")).toBe(3);
  });

  it.each([
    [["not-a-repo"], /argument 1: "not-a-repo": expected owner\/repo/],
    [["https://github.com/ada"], /expected owner\/repo/],
    [["ada/churn", "a b/c"], /argument 2/],
  ])("refuses %j with exit 2, naming the entry", async (args, message) => {
    const t = recordingIO(dir, { env: { GITHUB_TOKEN: "x" } });
    expect(await run(["scan", "--api-url", fake.url, ...args], t.io)).toBe(2);
    expect(t.err()).toMatch(message);
    expect(fake.requests).toEqual([]);
  });

  it("names the file and line of a bad entry in a list", async () => {
    writeFileSync(join(dir, "list.txt"), "ada/churn\n# fine\nhttps://github.com/orgs/acme\n");
    const t = recordingIO(dir);
    expect(await run(["scan", "--from", "list.txt"], t.io)).toBe(2);
    expect(t.err()).toMatch(/list\.txt:3: "https:\/\/github\.com\/orgs\/acme"/);
  });

  it("asks for at least one repository", async () => {
    writeFileSync(join(dir, "empty.txt"), "# nobody yet\n");
    const t = recordingIO(dir);
    expect(await run(["scan", "--from", "empty.txt"], t.io)).toBe(2);
    expect(t.err()).toMatch(/name at least one repository/);
  });

  it("says when the list file cannot be read", async () => {
    const t = recordingIO(dir);
    expect(await run(["scan", "--from", "missing.txt"], t.io)).toBe(2);
    expect(t.err()).toMatch(/cannot read missing\.txt: the file does not exist/);
  });
});
