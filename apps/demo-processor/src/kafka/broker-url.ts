/** The default port of a Kafka broker, when a `kafka://` URL names none. */
export const DEFAULT_KAFKA_PORT = 9092;

/**
 * The bootstrap brokers of a `kafka://host[:port][,host[:port]...]` URL, as `host:port` strings.
 * Throws a `TypeError` naming the value and the accepted form otherwise.
 */
export function parseBrokerUrl(value: string): string[] {
  const fail = (why: string): never => {
    throw new TypeError(
      `demo-processor: --broker ${why}: expected kafka://host:port (several brokers: ` +
        `kafka://host1:9092,host2:9092), got "${value}".`,
    );
  };
  const match = /^kafka:\/\/([^/?#]+)\/?$/.exec(value.trim());
  if (!match) return fail('is not a kafka:// URL');
  return match[1]!.split(',').map((entry) => {
    const hostPort = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(entry.trim());
    if (!hostPort) return fail(`has an invalid broker "${entry}"`);
    const port = hostPort[2] === undefined ? DEFAULT_KAFKA_PORT : Number(hostPort[2]);
    if (port < 1 || port > 65_535) return fail(`has an invalid port in "${entry}"`);
    return `${hostPort[1]}:${port}`;
  });
}
