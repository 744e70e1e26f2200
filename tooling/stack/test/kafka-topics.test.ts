import { parseTopics, readTopics } from '../src/kafka-topics.js';
import { stackPaths } from '../src/paths.js';

describe('parseTopics', () => {
  it('should read name and partition count per line, skipping comments and blank lines', () => {
    expect(parseTopics('# topics\n\nevents 6\n  chain   3  \n')).toEqual([
      { topic: 'events', partitions: 6 },
      { topic: 'chain', partitions: 3 },
    ]);
  });

  it.each(['events', 'events six', 'events 0', 'events 2 extra', 'bad/name 1'])(
    'should name the line of "%s"',
    (line) => {
      expect(() => parseTopics(`# x\n${line}\n`)).toThrow(
        `topics.txt line 2: expected "<topic> <partitions>", got "${line}"`,
      );
    },
  );
});

describe('readTopics', () => {
  it("should read infra/kafka/topics.txt: the demo's events topic and the relay's chain topic", () => {
    const topics = readTopics(stackPaths().infraDir);
    expect(topics.map((t) => t.topic)).toEqual(['events', 'chain']);
    // As many partitions as the most workers the docs scale out to.
    expect(topics.find((t) => t.topic === 'events')?.partitions).toBe(6);
  });
});
