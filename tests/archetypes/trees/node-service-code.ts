/** Source and tests of the TypeScript Express service archetype (i). */

export const config = `import { z } from "zod";

const Env = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  DATABASE_URL: z.string().url(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace"]).default("info"),
});

export type Config = z.infer<typeof Env>;

/** Parse and validate the process environment once, failing fast on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return Env.parse(env);
}
`;

export const logger = `import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  redact: ["req.headers.authorization", "req.headers.cookie"],
  transport: process.env.NODE_ENV === "development" ? { target: "pino-pretty" } : undefined,
});
`;

export const metrics = `import client from "prom-client";

export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

export const ordersCreated = new client.Counter({
  name: "orders_created_total",
  help: "Orders created",
  registers: [registry],
});
`;

export const ordersRoute = `import { Router } from "express";
import { z } from "zod";
import type { OrderStore } from "../store.js";
import { ordersCreated } from "../metrics.js";

const NewOrder = z.object({
  customerId: z.string().uuid(),
  items: z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().positive() })).min(1),
});

/** Routes for /orders: list a customer's orders and create one from a validated body. */
export function ordersRouter(store: OrderStore): Router {
  const router = Router();

  router.get("/:customerId", async (req, res) => {
    res.json(await store.listByCustomer(req.params.customerId));
  });

  router.post("/", async (req, res) => {
    const parsed = NewOrder.safeParse(req.body);
    if (!parsed.success) {
      req.log.warn({ issues: parsed.error.issues }, "invalid order");
      return res.status(400).json({ errors: parsed.error.issues });
    }
    const order = await store.create(parsed.data);
    ordersCreated.inc();
    req.log.info({ orderId: order.id }, "order created");
    return res.status(201).json(order);
  });

  return router;
}
`;

export const store = `import type { Pool } from "pg";

export interface Order {
  id: string;
  customerId: string;
  items: { sku: string; quantity: number }[];
  createdAt: string;
}

export interface OrderStore {
  listByCustomer(customerId: string): Promise<Order[]>;
  create(order: Omit<Order, "id" | "createdAt">): Promise<Order>;
}

export function pgStore(pool: Pool): OrderStore {
  return {
    async listByCustomer(customerId) {
      const { rows } = await pool.query("select * from orders where customer_id = $1", [customerId]);
      return rows;
    },
    async create(order) {
      const { rows } = await pool.query(
        "insert into orders (customer_id, items) values ($1, $2) returning *",
        [order.customerId, JSON.stringify(order.items)],
      );
      return rows[0];
    },
  };
}
`;

export const app = `import express from "express";
import { pinoHttp } from "pino-http";
import { logger } from "./logger.js";
import { registry } from "./metrics.js";
import { ordersRouter } from "./routes/orders.js";
import type { OrderStore } from "./store.js";

/** Build the Express app around a store, so tests can pass an in-memory one. */
export function createApp(store: OrderStore): express.Express {
  const app = express();
  app.use(express.json({ limit: "100kb" }));
  app.use(pinoHttp({ logger }));
  app.get("/healthz", (_req, res) => res.json({ status: "ok" }));
  app.get("/metrics", async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  app.use("/orders", ordersRouter(store));
  return app;
}
`;

export const server = `import pg from "pg";
import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { logger } from "./logger.js";
import { pgStore } from "./store.js";

const config = loadConfig();
const pool = new pg.Pool({ connectionString: config.DATABASE_URL });
const server = createApp(pgStore(pool)).listen(config.PORT, () => {
  logger.info({ port: config.PORT }, "orders-api listening");
});

process.on("SIGTERM", () => {
  logger.info("shutting down");
  server.close(() => void pool.end());
});
`;

export const ordersTest = `import request from "supertest";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import type { Order, OrderStore } from "../src/store.js";

function memoryStore(): OrderStore {
  const orders: Order[] = [];
  return {
    async listByCustomer(customerId) {
      return orders.filter((o) => o.customerId === customerId);
    },
    async create(order) {
      const created = { ...order, id: String(orders.length + 1), createdAt: new Date(0).toISOString() };
      orders.push(created);
      return created;
    },
  };
}

const customerId = "6f1c2a52-8a8e-4b8e-9a59-3c1d2f0f7f11";

describe("POST /orders", () => {
  it("creates an order", async () => {
    const res = await request(createApp(memoryStore()))
      .post("/orders")
      .send({ customerId, items: [{ sku: "SKU-1", quantity: 2 }] });
    expect(res.status).toBe(201);
    expect(res.body.id).toBe("1");
  });

  it("rejects an order without items", async () => {
    const res = await request(createApp(memoryStore())).post("/orders").send({ customerId, items: [] });
    expect(res.status).toBe(400);
  });
});

describe("GET /metrics", () => {
  it("exposes Prometheus metrics", async () => {
    const res = await request(createApp(memoryStore())).get("/metrics");
    expect(res.text).toContain("orders_created_total");
  });
});
`;
