import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One topic of infra/kafka/topics.txt. */
export interface TopicSpec {
  topic: string;
  partitions: number;
}

/** Reads infra/kafka/topics.txt: `name partitions` a line, `#` comments. */
export function parseTopics(text: string): TopicSpec[] {
  const topics: TopicSpec[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [topic, partitions, ...rest] = line.split(/\s+/);
    const count = Number(partitions);
    if (
      !topic ||
      !/^[A-Za-z0-9._-]+$/.test(topic) ||
      !Number.isInteger(count) ||
      count < 1 ||
      rest.length > 0
    ) {
      throw new Error(
        `topics.txt line ${index + 1}: expected "<topic> <partitions>", got "${line}"`,
      );
    }
    topics.push({ topic, partitions: count });
  }
  return topics;
}

export function readTopics(infraDir: string): TopicSpec[] {
  return parseTopics(readFileSync(path.join(infraDir, 'kafka', 'topics.txt'), 'utf8'));
}
