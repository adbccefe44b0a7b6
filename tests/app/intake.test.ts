/**
 * The webhook intake in a real Node server on 127.0.0.1: which deliveries it routes, which it
 * hands to Probot, and what it answers. `frontWebhookRoute` puts it ahead of another listener.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { EmitterWebhookEvent } from "@octokit/webhooks";
import nock from "nock";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebhookIntake } from "../../src/app/intake.js";
import { frontWebhookRoute } from "../../src/server.js";
import { sign, WEBHOOK_SECRET } from "../helpers/probot.js";
import { checkSuite, example } from "./payloads.js";

const PATH = "/api/github/webhooks";
let server: Server;
let url: string;
let intake: WebhookIntake;
let behind: string[];
let errors: unknown[];

beforeEach(async () => {
  nock.enableNetConnect("127.0.0.1");
  intake = new WebhookIntake({ secret: WEBHOOK_SECRET, log: pino({ level: "silent" }) });
  behind = [];
  errors = [];
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    behind.push(`${req.method} ${req.url}`);
    res.writeHead(418).end("behind");
  });
  frontWebhookRoute(server, intake.middleware(PATH), (error) => errors.push(error));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
});

function post(event: string, payload: unknown, path = PATH, secret = WEBHOOK_SECRET): Promise<Response> {
  const body = JSON.stringify(payload);
  return fetch(`${url}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": sign(body, secret),
    },
    body,
  });
}

const push = () => checkSuite("requested", { owner: "jane", repo: "churn", sha: "a".repeat(40) });

describe("the webhook intake", () => {
  it("routes `name.action` and answers once the handler has resolved", async () => {
    const order: string[] = [];
    intake.on<"check_suite.requested">(["check_suite.requested"], async (d) => {
      await new Promise((r) => setTimeout(r, 50));
      order.push(`handled ${d.name}.${d.payload.action} ${d.payload.check_suite.head_sha.slice(0, 4)}`);
    });
    const res = await post("check_suite", push());
    order.push(`answered ${res.status}`);
    expect(order).toEqual(["handled check_suite.requested aaaa", "answered 200"]);
  });

  it("routes a bare event name to every action of it", async () => {
    const seen: string[] = [];
    intake.on<"check_suite">(["check_suite"], async (d) => {
      seen.push((d.payload as { action: string }).action);
    });
    await post("check_suite", checkSuite("rerequested", { owner: "jane", repo: "churn", sha: "b".repeat(40) }));
    expect(seen).toEqual(["rerequested"]);
  });

  it("hands an event it does not route to Probot, without waiting for it to answer", async () => {
    const forwarded: EmitterWebhookEvent[] = [];
    let finished = false;
    intake.on<"check_suite.requested">(["check_suite.requested"], async () => {});
    intake.forwardOthers(async (event) => {
      forwarded.push(event);
      await new Promise((r) => setTimeout(r, 300));
      finished = true;
    });
    const comment = example("issue_comment", "created");
    const res = await post("issue_comment", comment);
    expect(res.status).toBe(200);
    expect(finished).toBe(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(forwarded.map((e) => `${e.name}.${(e.payload as { action: string }).action}`)).toEqual([
      "issue_comment.created",
    ]);
    expect(forwarded[0]?.payload).toEqual(comment);
    // A routed event is not forwarded as well.
    await post("check_suite", push());
    await new Promise((r) => setTimeout(r, 50));
    expect(forwarded).toHaveLength(1);
  });

  it("answers 500 when queuing fails, so GitHub shows the delivery as failed and it can be redelivered", async () => {
    intake.on<"check_suite.requested">(["check_suite.requested"], async () => {
      throw new Error("redis is down");
    });
    const res = await post("check_suite", push());
    expect(res.status).toBe(500);
    expect(await res.text()).toMatch(/redis is down/);
  });

  it("answers 400 to a bad signature without calling the handler", async () => {
    let called = 0;
    intake.on<"check_suite.requested">(["check_suite.requested"], async () => {
      called++;
    });
    const res = await post("check_suite", push(), PATH, "another-secret");
    expect(res.status).toBe(400);
    expect(called).toBe(0);
  });

  it("leaves other paths and methods to the listener behind it", async () => {
    intake.on<"check_suite.requested">(["check_suite.requested"], async () => {});
    expect((await fetch(`${url}/ping`)).status).toBe(418);
    expect((await post("check_suite", push(), "/elsewhere")).status).toBe(418);
    expect(behind).toEqual(["GET /ping", "POST /elsewhere"]);
    expect(errors).toEqual([]);
  });

  it("answers 413 to a body over GitHub's 25 MB cap without reading it", async () => {
    let called = 0;
    intake.on<"check_suite.requested">(["check_suite.requested"], async () => {
      called++;
    });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${url}${PATH}`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(26 * 1024 * 1024) },
      });
      req.on("response", (res) => resolve(res.statusCode ?? 0));
      req.on("error", reject);
      req.write("{");
    });
    expect(status).toBe(413);
    expect(called).toBe(0);
    expect(behind).toEqual([]);
  });
});
