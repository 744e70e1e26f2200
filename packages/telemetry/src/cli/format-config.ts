import { type ConfigExplanation, type ConfigWarning, redactConfig } from '@proc/telemetry-config';
import { Document, isMap, isScalar, isSeq, type Node } from 'yaml';

/** Text formats of `proc-telemetry config`. */
export type ConfigOutputFormat = 'yaml' | 'json';

/** Puts each value's origin as a trailing comment on it: `maxQueueSize: 4096 # env:OTEL_BSP_MAX_QUEUE_SIZE`. */
function annotate(node: unknown, path: string, origins: ReadonlyMap<string, string>): void {
  const origin = origins.get(path);
  if (origin !== undefined && (isScalar(node) || isSeq(node) || isMap(node))) {
    // A list or an empty map is one value: print it on its line, with its comment.
    if (!isScalar(node)) node.flow = true;
    (node as Node).comment = ` ${origin}`;
    return;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      annotate(pair.value, path === '' ? key : `${path}.${key}`, origins);
    }
  }
}

function warningLines(warnings: readonly ConfigWarning[]): string[] {
  return warnings.map((warning) => `ignored: ${warning.message}`);
}

/**
 * The effective configuration, redacted, each value with its origin: YAML with the origin as a
 * trailing comment (`default`, `code`, `file:<path>`, `env:<VARIABLE>`), or JSON with the config,
 * a `sources` map from each path to its origin, the file and the ignored variables.
 */
export function formatConfig(explanation: ConfigExplanation, format: ConfigOutputFormat): string {
  const redacted = redactConfig(explanation.config);
  const origins = new Map(explanation.values.map((value) => [value.path, value.origin]));
  if (format === 'json') {
    const output = {
      ...(explanation.file === undefined ? {} : { file: explanation.file }),
      config: redacted,
      sources: Object.fromEntries(origins),
      warnings: explanation.warnings,
    };
    return `${JSON.stringify(output, null, 2)}\n`;
  }
  const doc = new Document(redacted);
  annotate(doc.contents, '', origins);
  const header = [
    'The effective telemetry configuration; each value is followed by its source.',
    ...(explanation.file === undefined ? [] : [`Config file: ${explanation.file}`]),
    ...warningLines(explanation.warnings),
  ];
  doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}
