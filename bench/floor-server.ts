/**
 * The floor for webhook answer times: a bare `node:http` server that does only what any
 * webhook receiver must (read the body, check the HMAC signature, parse the JSON) and answers.
 * bench/load.ts sends it the same bursts as the App, so the client's and this machine's share
 * of an answer time is known. PORT and WEBHOOK_SECRET come from the environment.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const secret = process.env.WEBHOOK_SECRET ?? "";

createServer((req, res) => {
  if (req.method === "GET") {
    res.writeHead(200).end("PONG");
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
    const got = Buffer.from(String(req.headers["x-hub-signature-256"] ?? ""));
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) {
      res.writeHead(400).end("bad signature\n");
      return;
    }
    JSON.parse(body.toString("utf8"));
    res.writeHead(200).end("ok\n");
  });
}).listen(Number(process.env.PORT), "127.0.0.1");
