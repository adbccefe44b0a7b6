/**
 * `npm start`: the deployed App. Probot's own server (its `/ping`, setup page, webhook proxy and
 * request log), with the webhook route answered first by the scan intake (src/app/intake.ts), so
 * a delivery is acknowledged as soon as its signature is verified and its scan is queued.
 * Without credentials it is exactly `probot run`: the setup page that registers the App.
 */
import type { Server as HttpServer, IncomingMessage, ServerResponse } from "node:http";
import { pathToFileURL } from "node:url";
import { createProbot, type Probot, run, Server } from "probot";
import { type IntakeMiddleware, WebhookIntake } from "./app/intake.js";
import { createApp } from "./index.js";

const DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";
/** GitHub's cap on a webhook payload. */
const MAX_DELIVERY_BYTES = 25 * 1024 * 1024;

/** What `startServer` started. */
export interface StartedApp {
  /** Probot's server (stop it with `stop()`). */
  readonly server: Server;
  /** Whether webhooks are served (false: Probot's setup page, no credentials yet). */
  readonly configured: boolean;
}

function hasCredentials(env: NodeJS.ProcessEnv): boolean {
  return Boolean(Number(env.APP_ID)) && Boolean(env.PRIVATE_KEY || env.PRIVATE_KEY_PATH);
}

/**
 * Put the intake in front of Probot's request listener: POSTs to the webhook path go to the
 * intake, everything else (and the intake's `next`) to Probot, as before. Probot's `Server`
 * has no hook ahead of its own webhook middleware, hence the swap on its HTTP server.
 */
export function frontWebhookRoute(http: HttpServer, intake: IntakeMiddleware, onError: (error: unknown) => void): void {
  const probotListeners = http.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  http.removeAllListeners("request");
  http.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const probot = () => {
      for (const listener of probotListeners) listener.call(http, req, res);
    };
    if (req.method !== "POST") return probot();
    // GitHub caps a delivery at 25 MB; a bigger body is not read (its signature could only fail).
    if (Number(req.headers["content-length"]) > MAX_DELIVERY_BYTES) {
      res.writeHead(413, { "content-type": "application/json", connection: "close" });
      res.end(JSON.stringify({ error: "Payload too large: GitHub deliveries are at most 25 MB" }));
      req.destroy();
      return;
    }
    intake(req, res, probot).catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
}

/** Start the App as deployed, reading the environment as `probot run` does. */
export async function startServer(
  env: NodeJS.ProcessEnv = process.env,
  options: { readonly handleSignals?: boolean } = {},
): Promise<StartedApp> {
  const handleSignals = options.handleSignals ?? true;
  if (!hasCredentials(env)) {
    // Probot's setup page (the manifest flow), or its own error in production.
    return { server: await run(createApp({ handleSignals }), { env }), configured: false };
  }
  // Probot's defaults for the log: JSON in production, pretty otherwise.
  const logFormat = env.LOG_FORMAT || (env.NODE_ENV === "production" ? "json" : "pretty");
  const probot = await createProbot({ env: { ...env, LOG_FORMAT: logFormat } }).ready();
  const webhookPath = env.WEBHOOK_PATH || DEFAULT_WEBHOOK_PATH;
  const intake = new WebhookIntake({ secret: env.WEBHOOK_SECRET ?? "", log: probot.log.child({ name: "intake" }) });
  // Server builds its Probot from a class; this one hands it the instance configured above.
  const Configured = class {
    constructor() {
      // biome-ignore lint/correctness/noConstructorReturn: Server instantiates the class it is given
      return probot;
    }
  } as unknown as typeof Probot;
  const server = new Server({
    Probot: Configured,
    log: probot.log,
    host: env.HOST,
    port: Number(env.PORT) || 3000,
    webhookPath,
    ...(env.WEBHOOK_PROXY_URL ? { webhookProxy: env.WEBHOOK_PROXY_URL } : {}),
  });
  await server.load(createApp({ handleSignals, intake }));
  const http = await server.start();
  frontWebhookRoute(http, intake.middleware(webhookPath), (error) =>
    probot.log.error({ err: error }, "webhook intake failed"),
  );
  return { server, configured: true };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // `.env` as `probot run` reads it; the process environment wins.
  try {
    process.loadEnvFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  startServer().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
