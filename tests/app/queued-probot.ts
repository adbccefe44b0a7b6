/**
 * The App under test with its embedded queue made observable: `receive` returns once the
 * delivery is handled AND every job it queued has run, so tests can assert what GitHub got.
 * (The deployed App answers the delivery as soon as the job is queued.)
 */
import type { Probot } from "probot";
import type { AppOptions } from "../../src/index.js";
import { MemoryScanQueue } from "../../src/queue/index.js";
import { testProbot as probotWith } from "../helpers/probot.js";

/** A Probot with the App loaded on an embedded queue whose retries wait 10 ms, not seconds. */
export async function testProbot(
  options: AppOptions & { baseUrl?: string } = {},
): Promise<Probot & { queue: MemoryScanQueue }> {
  const queue = new MemoryScanQueue({ retryDelayMs: 10 });
  const probot = await probotWith({ ...options, queue });
  const receive = probot.receive.bind(probot);
  probot.receive = async (event) => {
    await receive(event);
    await queue.idle();
  };
  return Object.assign(probot, { queue });
}
