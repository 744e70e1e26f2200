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
}

/** In start order: Jaeger first, so the collector's exporter finds it. */
export const SERVICE_NAMES = ['jaeger', 'collector', 'prometheus'] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];
