import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin } from 'kafkajs';

/**
 * How many records of `topics` the group has not committed yet: per partition, its end offset
 * minus the group's committed offset (its start offset when the group committed none).
 */
export async function consumerLag(
  admin: Admin,
  group: string,
  topics: readonly string[],
): Promise<number> {
  const committed = await admin.fetchOffsets({ groupId: group, topics: [...topics] });
  let lag = 0;
  for (const topic of topics) {
    const ends = await admin.fetchTopicOffsets(topic);
    const mine = committed.find((c) => c.topic === topic)?.partitions ?? [];
    for (const end of ends) {
      const at = Number(mine.find((p) => p.partition === end.partition)?.offset ?? -1);
      lag += Math.max(0, Number(end.high) - (at >= 0 ? at : Number(end.low)));
    }
  }
  return lag;
}

/** Polls {@link consumerLag} until it is 0 or `timeoutMillis` passed; returns the last lag. */
export async function waitForDrain(
  admin: Admin,
  group: string,
  topics: readonly string[],
  options: { timeoutMillis: number; intervalMillis?: number },
): Promise<number> {
  const deadline = Date.now() + options.timeoutMillis;
  let lag = await consumerLag(admin, group, topics);
  while (lag > 0 && Date.now() < deadline) {
    await sleep(options.intervalMillis ?? 250);
    lag = await consumerLag(admin, group, topics);
  }
  return lag;
}
