/** One process of the stack, as `up` starts it. */
export interface ServiceSpec {
  /** Its name in pid files, logs and messages. */
  name: ServiceName;
  /** Absolute path of the program. */
  command: string;
  args: string[];
  /** Added to the environment (the ${env:VAR} addresses of the config files). */
  env: Record<string, string>;
  /** Ports it listens on (all on 127.0.0.1): checked free before it starts. */
  ports: number[];
  /** URLs that answer 200 once it is ready. */
  readyUrls: string[];
  /** A Kafka broker (`host:port`) that must answer a metadata request once it is ready. */
  readyKafkaBroker?: string;
}

/**
 * In start order: Jaeger first, so the collector's exporter finds it; the relay last, as it
 * sends to the collector and to Kafka.
 */
export const SERVICE_NAMES = ['jaeger', 'collector', 'prometheus', 'kafka', 'relay'] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];
