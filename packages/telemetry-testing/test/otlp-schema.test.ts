// The OTLP descriptor the receiver decodes with is generated from the .proto files kept in
// proto/ (scripts/generate-otlp-schema.mjs); this fails when one changes without the other.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { OTLP_SCHEMA } from '../src/internal/otlp-schema.js';

// The generator's loader is an ES module script: run it in a child Node, bounded.
function descriptorOfProtoFiles(): unknown {
  const script =
    "import { otlpSchemaFromProtoFiles } from './scripts/otlp-schema-files.mjs';" +
    'process.stdout.write(JSON.stringify(otlpSchemaFromProtoFiles()));';
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: path.join(__dirname, '..'),
    encoding: 'utf8',
    timeout: 20_000,
  });
  return JSON.parse(out);
}

describe('OTLP_SCHEMA', () => {
  it('should equal the descriptor of the .proto files in proto/ (run pnpm generate:otlp-schema)', () => {
    expect(OTLP_SCHEMA).toEqual(descriptorOfProtoFiles());
  });

  it('should hold the three export services of OTLP', () => {
    const collector = OTLP_SCHEMA.nested.opentelemetry.nested.proto.nested.collector.nested;
    expect(Object.keys(collector).sort()).toEqual(['logs', 'metrics', 'trace']);
  });
});
