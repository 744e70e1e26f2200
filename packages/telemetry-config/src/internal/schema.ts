import { z } from 'zod';
import * as f from './fields.js';

/** A section: its fields and which of them may be absent from a resolved config. */
interface Section {
  fields: Record<string, Node>;
  optional?: readonly string[];
}
type Node = z.ZodType | Section;

/**
 * `endpoint` is a URL or a gRPC `host:port` (whether it suits the protocol is checked once the
 * sources are merged). `file` checks a TLS file: user options must name readable files.
 */
const exportSection = (file: () => z.ZodType): Section => ({
  fields: {
    endpoint: f.endpointField(),
    protocol: f.enumField(f.PROTOCOLS),
    headers: f.headersField(),
    compression: f.enumField(f.COMPRESSIONS),
    timeoutMillis: f.durationField(),
    tls: {
      fields: {
        certificateFile: file(),
        clientKeyFile: file(),
        clientCertificateFile: file(),
        insecure: f.booleanField(),
      },
      optional: ['certificateFile', 'clientKeyFile', 'clientCertificateFile'],
    },
    maxConcurrentExports: f.sizeField(),
    maxQueueBytes: f.sizeField(),
    maxQueueBytesWhileFailing: f.sizeField(),
    retry: {
      fields: {
        maxAttempts: f.sizeField(),
        initialBackoffMillis: f.durationField(),
        maxBackoffMillis: f.durationField(),
        budgetMillis: f.durationField(),
      },
      optional: ['budgetMillis'],
    },
  },
});

/** How an exporter field is checked: a list in a resolved config, a name or a list in options. */
type ExporterField = <const T extends readonly [string, ...string[]]>(values: T) => z.ZodType;

const configTree = (file: () => z.ZodType, exporter: ExporterField): Section => ({
  fields: {
    disabled: f.booleanField(),
    service: {
      fields: {
        name: f.stringField(),
        version: f.stringField(),
        namespace: f.stringField(),
        instanceId: f.stringField(),
        environment: f.stringField(),
      },
      optional: ['version', 'namespace', 'instanceId', 'environment'],
    },
    resource: {
      fields: { attributes: f.attributesField(), detectors: f.enumListField(f.DETECTORS) },
    },
    traces: {
      fields: {
        enabled: f.booleanField(),
        exporter: exporter(f.TRACE_EXPORTERS),
        export: exportSection(file),
        sampler: { fields: { type: f.enumField(f.SAMPLERS), ratio: f.ratioField() } },
        batch: {
          fields: {
            maxQueueSize: f.sizeField(),
            maxExportBatchSize: f.sizeField(),
            scheduledDelayMillis: f.durationField(),
            exportTimeoutMillis: f.durationField(),
          },
        },
        limits: {
          fields: {
            attributeCountLimit: f.limitField(),
            attributeValueLengthLimit: f.limitField(),
            eventCountLimit: f.limitField(),
            linkCountLimit: f.limitField(),
            attributePerEventCountLimit: f.limitField(),
            attributePerLinkCountLimit: f.limitField(),
          },
          optional: ['attributeValueLengthLimit'],
        },
      },
    },
    metrics: {
      fields: {
        enabled: f.booleanField(),
        exporter: exporter(f.METRIC_EXPORTERS),
        export: exportSection(file),
        temporality: f.enumField(f.TEMPORALITIES),
        exemplarFilter: f.enumField(f.EXEMPLAR_FILTERS),
        exportIntervalMillis: f.durationField(),
        exportTimeoutMillis: f.durationField(),
        prometheus: { fields: { host: f.stringField(), port: f.portField() } },
      },
    },
    logs: {
      fields: {
        enabled: f.booleanField(),
        exporter: exporter(f.LOG_EXPORTERS),
        export: exportSection(file),
        batch: {
          fields: {
            maxQueueSize: f.sizeField(),
            maxExportBatchSize: f.sizeField(),
            scheduledDelayMillis: f.durationField(),
            exportTimeoutMillis: f.durationField(),
          },
        },
        limits: {
          fields: {
            attributeCountLimit: f.limitField(),
            attributeValueLengthLimit: f.limitField(),
          },
          optional: ['attributeValueLengthLimit'],
        },
      },
    },
    instrumentations: {
      fields: Object.fromEntries(
        f.INSTRUMENTATIONS.map((name) => [name, { fields: { enabled: f.booleanField() } }]),
      ),
    },
    propagators: f.enumListField(f.PROPAGATORS),
    logLevel: f.enumField(f.LOG_LEVELS),
    selfTelemetry: { fields: { enabled: f.booleanField() } },
  },
});

function isSection(node: Node): node is Section {
  return !(node instanceof z.ZodType);
}

function build(section: Section, allOptional: boolean): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, node] of Object.entries(section.fields)) {
    const schema = isSection(node) ? build(node, allOptional) : node;
    const optional = allOptional || section.optional?.includes(key) === true;
    shape[key] = optional ? schema.optional() : schema;
  }
  return z.strictObject(shape, { error: 'an object' });
}

/**
 * The resolved {@link TelemetryConfig}: every required field present. TLS files are not read
 * here, so checking a resolved config never touches the disk.
 */
export const telemetryConfigSchema: z.ZodObject = build(
  configTree(f.stringField, f.enumListField),
  false,
);

/** User options (code or file): any subset, plus the generic `export` section. */
export const telemetryConfigOptionsSchema: z.ZodObject = build(
  {
    fields: {
      ...configTree(f.readableFileField, f.exporterOptionField).fields,
      export: exportSection(f.readableFileField),
    },
  },
  true,
);

/** The known keys of the section at `path` in `schema`, or `undefined` if it is not a section. */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let current: z.ZodType = schema;
  for (const key of path) {
    if (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
    if (!(current instanceof z.ZodObject)) return undefined;
    const next = current.shape[String(key)];
    if (next === undefined) return undefined;
    current = next as z.ZodType;
  }
  if (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
  return current instanceof z.ZodObject ? Object.keys(current.shape) : undefined;
}
