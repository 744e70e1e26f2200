import path from 'node:path';
import type { GoBinary } from './build-binary.js';

/** The two programs built from infra/: the collector distribution and Jaeger v2. */
export function goBinaries(infraDir: string): { collector: GoBinary; jaeger: GoBinary } {
  return {
    // infra/collector/components.go lists its components; go.mod pins one collector release.
    collector: { name: 'otelcol-proc', moduleDir: path.join(infraDir, 'collector'), target: '.' },
    // A tool dependency of infra/jaeger/go.mod (`go get -tool …/cmd/jaeger@v1.76.0`).
    jaeger: {
      name: 'jaeger',
      moduleDir: path.join(infraDir, 'jaeger'),
      target: 'github.com/jaegertracing/jaeger/cmd/jaeger',
    },
  };
}
