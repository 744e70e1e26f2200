import type { Kafka, logCreator } from 'kafkajs';
import type { Logger } from '../logger.js';

/**
 * kafkajs, loaded on first use rather than imported: `@opentelemetry/instrumentation-kafkajs`
 * patches the module when it is first required, so with `--instrument-kafkajs` it must be
 * enabled before this runs (src/kafka/kafka-instrumentation.ts).
 */
export function loadKafkajs(): typeof import('kafkajs') {
  // A deferred require: the hook the instrumentation installs sees this first load.
  return require('kafkajs') as typeof import('kafkajs');
}

const TRANSIENT =
  /group is rebalancing|coordinator is not available|not the correct coordinator|coordinator is loading/i;

/** kafkajs' own log lines (warnings and errors) through the demo's logger. */
function logCreatorFor(logger: Logger): logCreator {
  return () =>
    ({ level, log }) => {
      const { message, timestamp: _timestamp, logger: _name, ...fields } = log;
      const line = `kafkajs: ${message}`;
      // A group forming or a coordinator not yet elected: kafkajs retries these and logs each
      // try as an error; they are part of every start and rebalance.
      if (TRANSIENT.test(String(fields.error ?? ''))) logger.debug(line, fields);
      // kafkajs levels: ERROR 1, WARN 2, INFO 4, DEBUG 5.
      else if (level <= 1) logger.error(line, fields);
      else if (level <= 2) logger.warn(line, fields);
    };
}

/** A kafkajs client of `brokers` (`host:port`), logging its warnings and errors to `logger`. */
export function createKafkaClient(options: {
  brokers: readonly string[];
  clientId: string;
  logger: Logger;
}): Kafka {
  const { Kafka: KafkaClient, logLevel } = loadKafkajs();
  return new KafkaClient({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: logLevel.WARN,
    logCreator: logCreatorFor(options.logger),
    // The stack's broker may still be creating the offsets topic when the first consumer joins.
    retry: { retries: 8, initialRetryTime: 300 },
  });
}
