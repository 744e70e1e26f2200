import { setTimeout as sleep } from 'node:timers/promises';
import { type Admin, Kafka, logLevel } from 'kafkajs';
import type { TopicSpec } from './kafka-topics.js';

// The broker has no HTTP endpoint: readiness and topic creation speak the Kafka protocol
// (kafkajs, the client the demo uses).

function client(broker: string) {
  return new Kafka({
    clientId: 'proc-stack',
    brokers: [broker],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 5000,
    retry: { retries: 0 },
  });
}

/**
 * True when the broker at `host:port` answers a metadata request and names a controller (the
 * KRaft quorum has elected itself), within about 5 s.
 */
export async function kafkaAnswers(broker: string): Promise<boolean> {
  const admin = client(broker).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 && cluster.controller !== null;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/**
 * The group coordinator's topic (__consumer_offsets) is made on the first group request, and
 * answers "loading" for a moment after: asked here until it answers (bounded, 30 s), so the first
 * consumer to join finds a coordinator at once.
 */
async function warmGroupCoordinator(admin: Admin, topic: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await admin.fetchOffsets({ groupId: 'proc-stack', topics: [topic] });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(250);
    }
  }
}

/**
 * Creates the topics that do not exist yet (waiting for their leaders) and adds partitions to
 * those that have fewer than `topics` names. Returns what it did, one line per topic.
 */
export async function ensureTopics(
  broker: string,
  topics: readonly TopicSpec[],
): Promise<string[]> {
  const admin = new Kafka({
    clientId: 'proc-stack',
    brokers: [broker],
    logLevel: logLevel.NOTHING,
    retry: { retries: 5 },
  }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.partitions })),
        waitForLeaders: true,
      });
    }
    const done = missing.map((t) => `${t.topic}: created with ${t.partitions} partitions`);
    const present = topics.filter((t) => existing.has(t.topic));
    if (present.length > 0) {
      const metadata = await admin.fetchTopicMetadata({ topics: present.map((t) => t.topic) });
      for (const spec of present) {
        const have = metadata.topics.find((t) => t.name === spec.topic)?.partitions.length ?? 0;
        if (have < spec.partitions) {
          await admin.createPartitions({
            topicPartitions: [{ topic: spec.topic, count: spec.partitions }],
          });
          done.push(`${spec.topic}: partitions ${have} -> ${spec.partitions}`);
        } else {
          done.push(`${spec.topic}: exists (${have} partitions)`);
        }
      }
    }
    await warmGroupCoordinator(admin, topics[0]!.topic);
    return done;
  } finally {
    await admin.disconnect();
  }
}
