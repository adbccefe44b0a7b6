/**
 * The recruiter's HTML report in a real headless Chromium (Debian's, driven by playwright-core):
 * written by `portfolio-quality scan --out report.html` against the fake GitHub API, opened
 * from disk with no network, then: no console errors, no request leaves the file, sorting by
 * score (and by name) works, a repository's report opens in a dialog, a deep link opens one,
 * and a repository whose file names carry HTML cannot run script in the page.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { MIDDLE, recordingIO, STRONG, WEAK } from "../cli/scan-fixtures.js";
import { type FakeGitHub, startFakeGitHub } from "../helpers/fake-github.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM)
  console.warn(`HTML report browser tests SKIPPED: ${CHROMIUM} is missing (install it: apt-get install -y chromium).`);

/** A file name that is an HTML element: it must show as text, never become one. */
const HOSTILE = '<img src=x onerror="window.pwned=1">.py';

let fake: FakeGitHub;
let browser: Browser;
let dir: string;
let url: string;

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  fake = await startFakeGitHub({
    repos: {
      "ada/churn": { files: STRONG },
      "bob/titanic": { files: WEAK },
      "cy/churn-lite": { files: MIDDLE },
      "mal/lory": { files: { ...WEAK, [`scripts/${HOSTILE}`]: 'print("<script>window.pwned=2</script>")\n' } },
    },
  });
  dir = mkdtempSync(join(tmpdir(), "pq-html-"));
  const t = recordingIO(dir, { env: { GITHUB_TOKEN: "ghp_test" } });
  const code = await run(
    [
      "scan",
      "--api-url",
      fake.url,
      "--out",
      "report.html",
      "bob/titanic",
      "ada/churn",
      "mal/lory",
      "cy/churn-lite",
      "gone/away",
    ],
    t.io,
  );
  expect(code).toBe(0);
  url = pathToFileURL(join(dir, "report.html")).href;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Open the report, recording console errors, page errors and any request that is not the file itself. */
async function open(hash = ""): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("dialog", (d) => problems.push(`dialog: ${d.message()}`));
  page.on("request", (r) => {
    if (!r.url().startsWith(url) && !r.url().startsWith("data:")) problems.push(`request: ${r.url()}`);
  });
  await page.goto(url + hash);
  await page.waitForLoadState("load");
  return { page, problems };
}

const column = (page: Page, index: number) =>
  page.$$eval(
    `#ranking tbody tr`,
    (rows, i) =>
      rows.map((r) => (r as unknown as { cells: { dataset: { value?: string } }[] }).cells[i]?.dataset.value ?? ""),
    index,
  );

describe.skipIf(!HAVE_CHROMIUM)("HTML report in headless Chromium", () => {
  it("is one file that opens without console errors or network requests", async () => {
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet|https?:\/\/127\.0\.0\.1/);
    const { page, problems } = await open();
    expect(await page.title()).toBe("Portfolio quality: 5 repositories: 4 scanned, 1 not scanned");
    expect(await page.locator("#ranking tbody tr").count()).toBe(5);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("sorts by score, both ways, keeping the repository that was not scanned last", async () => {
    const { page, problems } = await open();
    const score = page.getByRole("button", { name: "Score" });
    const header = page.locator("th", { has: score });
    await score.click();
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    const down = (await column(page, 2)).slice(0, 4).map(Number);
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect((await column(page, 1))[4]).toBe("gone/away");
    await score.click();
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    const up = (await column(page, 2)).slice(0, 4).map(Number);
    expect(up).toEqual([...down].reverse());
    expect((await column(page, 1))[4]).toBe("gone/away");
    // A repository that was not scanned still has a name: it sorts among the others by name.
    await page.getByRole("button", { name: "Repository" }).click();
    expect(await column(page, 1)).toEqual(["ada/churn", "bob/titanic", "cy/churn-lite", "gone/away", "mal/lory"]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("opens a repository's full report in one click, and closes it", async () => {
    const { page, problems } = await open();
    await page.getByRole("link", { name: "cy/churn-lite" }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole("heading", { level: 2 }).textContent()).toMatch(
      /^cy\/churn-lite \d+\/100 \([A-F]\)$/,
    );
    const text = (await dialog.textContent()) ?? "";
    for (const part of ["Criteria", "Top fixes", "Checks", "How to fix", "Testing", "Containerization"])
      expect(text).toContain(part);
    expect(await dialog.locator("details[open]").count()).toBeGreaterThan(0);
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("opens the report a link points at (#r-N)", async () => {
    const { page, problems } = await open("#r-1");
    await expect.poll(() => page.locator("dialog#r-1[open]").count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows a repository's HTML-looking file names as text and runs none of it", async () => {
    const { page, problems } = await open();
    await page.getByRole("link", { name: "mal/lory" }).click();
    const dialog = page.locator("dialog[open]");
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.textContent()).toContain(HOSTILE);
    expect(await dialog.locator("img").count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    await page.close();
  });
});
