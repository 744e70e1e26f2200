/**
 * Prints the resource a stream-processor worker would report, as a table.
 *
 * In an application, import from '@proc/telemetry-resource' and pass the sections of
 * `loadConfig()` from '@proc/telemetry-config'. Here the import is relative so the example is
 * type-checked with the package (tsconfig.json includes examples/) and run by
 * test/examples/print-resource.test.ts: `pnpm exec jest test/examples`.
 */
import type { Resource } from '@opentelemetry/resources';
import { createProcessorResource, ResourceBuilder } from '../src/index.js';

/** Builds a service resource and a processor resource and writes their attributes. */
export async function printResource(
  write: (line: string) => void = console.log,
): Promise<Resource> {
  // A plain service resource: code settings beat config, detected values and defaults.
  const service = await new ResourceBuilder()
    .withServiceName('order-enricher')
    .withServiceVersion('1.4.0')
    .withDeploymentEnvironment('development')
    .withDetectors(['host', 'os', 'process'])
    .build();
  write(`service.name = ${String(service.attributes['service.name'])}`);

  // The stream-processor form, from the config sections (written out here).
  const resource = await createProcessorResource({
    service: { name: 'order-enricher', version: '1.4.0', environment: 'development' },
    resource: {
      attributes: { team: 'data-platform' },
      detectors: ['host', 'os', 'process', 'container'],
    },
    processor: {
      name: 'enrich',
      pipelineId: 'orders',
      pipelineStage: 'enrich',
      workerId: '0',
      partitions: [0, 1],
    },
  });
  for (const [key, value] of Object.entries(resource.attributes).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    write(`${key.padEnd(32)} ${JSON.stringify(value)}`);
  }
  return resource;
}
