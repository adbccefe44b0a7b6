/**
 * The webhook intake of the deployed App: verifies a delivery's signature, queues its scan and
 * answers, without Probot's per-event work. Probot builds an authenticated Octokit (and its
 * throttling state) for every event before any handler runs; a handler that only queues a job
 * needs none of that, and at 200 deliveries at once that work alone pushed the answers past
 * 100 ms. Events the intake does not route (the comment command, which needs `context.octokit`)
 * are handed to Probot once the delivery is answered.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  createNodeMiddleware,
  type EmitterWebhookEvent,
  type EmitterWebhookEventName,
  Webhooks,
} from "@octokit/webhooks";
import type { Logger } from "probot";

/** What a scan handler reads from a delivery: Probot's `Context` has these, and so does the intake's. */
export interface Delivery<E extends EmitterWebhookEventName> {
  readonly id: string;
  readonly name: string;
  readonly payload: EmitterWebhookEvent<E>["payload"];
  readonly log: Logger;
}

/** A handler for one or more events. */
export type DeliveryHandler<E extends EmitterWebhookEventName> = (delivery: Delivery<E>) => Promise<void>;

/** Where a delivery the intake does not route goes (Probot's `receive`). */
export type Forward = (event: EmitterWebhookEvent) => Promise<void>;

type Route = (delivery: { id: string; name: string; payload: unknown; log: Logger }) => Promise<void>;

/** Node middleware: true when it answered the request. */
export type IntakeMiddleware = (req: IncomingMessage, res: ServerResponse, next?: () => void) => Promise<boolean>;

/** Signature check, routing and answer for webhook deliveries (@octokit/webhooks). */
export class WebhookIntake {
  readonly #webhooks: Webhooks;
  readonly #log: Logger;
  readonly #routes = new Map<string, Route>();
  #forward: Forward | undefined;

  constructor(options: { readonly secret: string; readonly log: Logger }) {
    this.#webhooks = new Webhooks({ secret: options.secret });
    this.#log = options.log;
    this.#webhooks.onAny((event) => this.#dispatch(event));
    this.#webhooks.onError((error) => this.#log.error({ err: error }, "webhook handler failed"));
  }

  /**
   * Route these events (`name` or `name.action`) to `handler`; the delivery is answered once it
   * resolves. Name the events as the type argument too (`on<"check_suite.requested">([...], h)`):
   * inferring them over GitHub's whole event union is more than tsc can represent.
   */
  on<const E extends EmitterWebhookEventName>(events: readonly E[], handler: DeliveryHandler<NoInfer<E>>): void {
    for (const name of events) this.#routes.set(name, handler as unknown as Route);
  }

  /** Hand every event not routed here to `forward`, after the delivery is answered. */
  forwardOthers(forward: Forward): void {
    this.#forward = forward;
  }

  /** The Node middleware answering POSTs to `path` (other paths go to `next`). */
  middleware(path: string): IntakeMiddleware {
    return createNodeMiddleware(this.#webhooks, { path, log: this.#log }) as IntakeMiddleware;
  }

  #dispatch(event: EmitterWebhookEvent): Promise<void> | undefined {
    const action = (event.payload as { action?: unknown }).action;
    const route =
      (typeof action === "string" ? this.#routes.get(`${event.name}.${action}`) : undefined) ??
      this.#routes.get(event.name);
    if (route) return route({ id: event.id, name: event.name, payload: event.payload, log: this.#log });
    const forward = this.#forward;
    if (!forward) return undefined;
    // Not awaited: the delivery is answered now, and Probot runs its handlers afterwards.
    setImmediate(() => {
      forward(event).catch((error: unknown) =>
        this.#log.error({ err: error, deliveryId: event.id, event: event.name }, "forwarded delivery failed"),
      );
    });
    return undefined;
  }
}
