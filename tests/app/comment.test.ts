/**
 * `/portfolio-quality scan` through Probot, with real `issue_comment.created` payloads, against
 * the fake GitHub API on loopback. The fake enforces what each installation token may see, so
 * the test proves a command in installation A never reads installation B's private repository
 * and never uses B's token. Every REST request is validated against GitHub's OpenAPI description.
 */
import { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHECKS } from "../../checks/index.js";
import { onIssueComment } from "../../src/app/comment/index.js";
import { GITHUB_COMMENT_LIMIT } from "../../src/app/comment/reply.js";
import { MIDDLE, STRONG, WEAK } from "../cli/scan-fixtures.js";
import { type FakeGitHub, type FakeResponse, type RecordedRequest, startFakeGitHub } from "../helpers/fake-github.js";
import { APP_ID, PRIVATE_KEY, TestOctokit, validatingHandle } from "../helpers/probot.js";
import { example } from "./payloads.js";

const A = 101; // the hiring team's installation: acme/*
const B = 202; // another customer's installation: beta/*
const tokenOf = (installation: number) => `token ghs_fake${installation}`;

/** Which installation's token may read each private repository. */
const PRIVATE: Record<string, number> = { "acme/internal": A, "beta/secret": B };
/** Roles on the repositories where comments are made. */
const ROLES: Record<string, { permission: string; role_name: string }> = {
  writer: { permission: "write", role_name: "write" },
  maintainer: { permission: "write", role_name: "maintain" },
  owner: { permission: "admin", role_name: "admin" },
  triager: { permission: "read", role_name: "triage" },
  reader: { permission: "read", role_name: "read" },
};

let fake: FakeGitHub;
let probot: Probot;
let violations: string[];
let reactions: { path: string; content: unknown }[];

function repoOf(request: RecordedRequest): string | undefined {
  if (request.route === "graphql") {
    const v = (request.body as { variables?: { owner?: string; name?: string } })?.variables;
    return v?.owner && v.name ? `${v.owner}/${v.name}` : undefined;
  }
  const m = /^\/repos\/([^/]+)\/([^/]+)/.exec(request.path);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** GitHub's rules the fake does not model: private visibility per token, permissions, reactions. */
function github(request: RecordedRequest): FakeResponse | undefined {
  const repo = repoOf(request);
  const owner = repo === undefined ? undefined : PRIVATE[repo];
  if (owner !== undefined && request.headers.authorization !== tokenOf(owner))
    return request.route === "graphql"
      ? {
          status: 200,
          body: {
            data: { repository: null },
            errors: [{ type: "NOT_FOUND", path: ["repository"], message: "Could not resolve" }],
          },
        }
      : { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } };
  const perm = /^\/repos\/[^/]+\/[^/]+\/collaborators\/([^/]+)\/permission$/.exec(request.path);
  if (perm) {
    const role = ROLES[perm[1] as string];
    return role
      ? { status: 200, body: { ...role, user: { login: perm[1] } } }
      : { status: 404, body: { message: "Not Found" } };
  }
  if (request.method === "POST" && /\/issues\/comments\/\d+\/reactions$/.test(request.path)) {
    reactions.push({ path: request.path, content: (request.body as { content?: unknown })?.content });
    return { status: 201, body: { id: 1, content: (request.body as { content?: unknown })?.content } };
  }
  return undefined;
}

beforeEach(async () => {
  violations = [];
  reactions = [];
  const check = validatingHandle(violations);
  fake = await startFakeGitHub({
    repos: {
      "acme/hiring": { files: { "README.md": "# Hiring\n" } },
      "acme/internal": { files: MIDDLE, private: true },
      "beta/hiring": { files: { "README.md": "# Hiring\n" } },
      "beta/secret": { files: STRONG, private: true },
      "ada/churn": { files: STRONG },
      "bob/titanic": { files: WEAK },
    },
    handle: (r) => check(r) ?? github(r),
  });
  probot = new Probot({
    appId: APP_ID,
    privateKey: PRIVATE_KEY,
    Octokit: TestOctokit,
    logLevel: "fatal",
    baseUrl: fake.url,
  });
  await probot.load((app) => {
    app.on("issue_comment.created", (context) =>
      onIssueComment({ checks: CHECKS, tool: { name: "portfolio-quality", version: "1.0.0" } }, context),
    );
  });
});
afterEach(async () => {
  await fake.close();
  expect(violations).toEqual([]);
});

/** A real `issue_comment.created` payload, moved to `repo` in `installation`, by `login`. */
function comment(
  body: string,
  options: { login?: string; repo?: string; installation?: number; bot?: boolean; pr?: boolean } = {},
) {
  const p = example("issue_comment", "created", (x) => x.installation !== undefined);
  const [owner, name] = (options.repo ?? "acme/hiring").split("/") as [string, string];
  p.installation.id = options.installation ?? A;
  p.repository.name = name;
  p.repository.full_name = `${owner}/${name}`;
  p.repository.owner.login = owner;
  p.issue.number = 7;
  if (options.pr) p.issue.pull_request = { url: `https://api.github.com/repos/${owner}/${name}/pulls/7` };
  p.comment.body = body;
  p.comment.user.login = options.login ?? "writer";
  p.comment.user.type = options.bot ? "Bot" : "User";
  p.sender.login = p.comment.user.login;
  p.sender.type = p.comment.user.type;
  return probot.receive({ id: "delivery-1", name: "issue_comment", payload: p as never });
}

const replies = () => fake.comments.map((c) => ({ repo: c.repo, issue: c.issue, body: c.body }));

describe("who may run it", () => {
  it.each(["writer", "maintainer", "owner"])(
    "%s: eyes, then one reply with the ranked table and folded summaries",
    async (login) => {
      await comment("Shortlist for the ML role:\n\n/portfolio-quality scan bob/titanic https://github.com/ada/churn", {
        login,
      });
      expect(reactions).toEqual([{ path: "/repos/acme/hiring/issues/comments/492700400/reactions", content: "eyes" }]);
      const [reply, ...more] = replies();
      expect(more).toEqual([]);
      expect(reply).toMatchObject({ repo: "acme/hiring", issue: 7 });
      const body = reply?.body ?? "";
      expect(body).toMatch(/^### Portfolio quality: 2 repositories\n/);
      expect(body.indexOf("| 1 | ada/churn |")).toBeGreaterThan(0);
      expect(body.indexOf("| 2 | bob/titanic |")).toBeGreaterThan(body.indexOf("| 1 | ada/churn |"));
      expect(body.match(/<details>/g)).toHaveLength(2);
      expect(body).toContain("<summary><b>1. ada/churn</b>:");
      expect(body).toContain(`Commit \`${fake.repo("ada/churn").latest.sha.slice(0, 7)}\` on \`main\`.`);
      const order = fake.requests.map((r) => `${r.method} ${r.path}`).filter((l) => !l.includes("access_tokens"));
      expect(order[0]).toBe(`GET /repos/acme/hiring/collaborators/${login}/permission`);
      expect(order[1]).toBe("POST /repos/acme/hiring/issues/comments/492700400/reactions");
      expect(order.at(-1)).toBe("POST /repos/acme/hiring/issues/7/comments");
    },
  );

  it.each(["reader", "triager", "stranger"])("%s: a short polite reply, nothing scanned", async (login) => {
    await comment("/portfolio-quality scan ada/churn", { login });
    expect(replies()).toHaveLength(1);
    expect(replies()[0]?.body).toMatch(
      /^Sorry, `\/portfolio-quality scan` can only be run by people with write, maintain or admin access/,
    );
    expect(reactions).toEqual([]);
    expect(fake.requests.some((r) => r.path.startsWith("/repos/ada/") || r.route === "graphql")).toBe(false);
  });

  it.each([
    ["a bot", "/portfolio-quality scan ada/churn", { bot: true }],
    ["a quoted command", "> /portfolio-quality scan ada/churn\n\nthat's how you do it", {}],
    ["a command in a code block", "Usage:\n```\n/portfolio-quality scan ada/churn\n```", {}],
    ["no command", "Looks good to me", {}],
  ])("ignores %s", async (_what, body, options) => {
    await comment(body, options);
    expect(fake.requests).toEqual([]);
  });

  it("answers a pull-request comment on the pull request's conversation", async () => {
    await comment("/portfolio-quality scan ada/churn", { pr: true });
    expect(replies()).toMatchObject([{ repo: "acme/hiring", issue: 7 }]);
  });
});

describe("whose token", () => {
  it("in installation A, installation B's private repository is 'not found or not accessible', and B's token is never used", async () => {
    await comment("/portfolio-quality scan beta/secret ada/churn acme/internal");
    const body = replies()[0]?.body ?? "";
    const secretRow = body.split("\n").find((l) => l.includes("beta/secret")) ?? "";
    expect(secretRow).toMatch(/not scanned: not found or not accessible/);
    expect(body).toMatch(/\| \d \| ada\/churn \|/);
    expect(body).toMatch(/\| \d \| acme/); // A's own private repository is readable with A's token
    expect(fake.requests.filter((r) => r.path.includes("/app/installations/")).map((r) => r.path)).toEqual([
      `/app/installations/${A}/access_tokens`,
    ]);
    const authorizations = new Set(
      fake.requests.map((r) => r.headers.authorization).filter((h) => h?.startsWith("token ")),
    );
    expect([...authorizations]).toEqual([tokenOf(A)]);
    expect(fake.requests.filter((r) => repoOf(r) === "beta/secret").map((r) => r.route)).toEqual(["repo"]);
  });

  it("control: the same repository scans in installation B, so the fixture really hides it from A", async () => {
    await comment("/portfolio-quality scan beta/secret", { repo: "beta/hiring", installation: B });
    expect(replies()[0]?.body).toMatch(/\| 1 \| beta\/secret \| \*\*\d+\*\*/);
  });
});

describe("what it scans and says", () => {
  it("scans at most ten repositories and lists the rest as over the cap, and says which words were not repositories", async () => {
    for (let i = 0; i < 12; i++) fake.setRepo(`many/r${i}`, { files: WEAK });
    const names = Array.from({ length: 12 }, (_, i) => `many/r${i}`);
    await comment(`/portfolio-quality scan ${names.join(" ")} please!`);
    const body = replies()[0]?.body ?? "";
    expect(body).toMatch(/^### Portfolio quality: 10 repositories\n/);
    expect(body).toContain("past the cap of 10 repositories per comment: `many/r10`, `many/r11`.");
    expect(body).toMatch(/\*\*Not a repository\*\*: `please!`/);
    expect(fake.requests.filter((r) => r.route === "repo").length).toBe(10);
  });

  it("answers the bare command with the usage", async () => {
    await comment("/portfolio-quality");
    expect(replies()[0]?.body).toMatch(
      /^I could not run that: `no command given`\.\n\nUsage: `\/portfolio-quality scan owner\/repo/,
    );
    expect(reactions).toHaveLength(1);
  });

  it("keeps the reply within GitHub's comment limit", async () => {
    await comment("/portfolio-quality scan ada/churn bob/titanic");
    expect(replies()[0]?.body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
  });
});
