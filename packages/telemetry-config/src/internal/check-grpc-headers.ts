import { REDACTED } from './credentials.js';
import { exportVariable } from './env-names.js';
import {
  type ExportCheckContext,
  envSignal,
  optionPath,
  sourceOf,
} from './export-check-context.js';
import { grpcHeaderProblem } from './grpc-metadata.js';
import { makeWarning } from './warnings.js';

/**
 * Headers gRPC metadata cannot carry (building the exporter would throw): from the environment,
 * reported (value redacted) and dropped; from code or a file, an issue.
 */
export function checkGrpcHeaders(
  headers: Record<string, string>,
  context: ExportCheckContext,
): void {
  for (const [name, value] of Object.entries(headers)) {
    const problem = grpcHeaderProblem(name, value);
    if (problem === undefined) continue;
    const source = sourceOf(context, ['headers', name]);
    if (source === 'env') {
      const variable = exportVariable('HEADERS', envSignal(context, ['headers', name]));
      context.findings.warn(makeWarning(variable, REDACTED, problem));
      delete headers[name];
    } else {
      const path = optionPath(context, source, ['headers', name]);
      context.findings.issue({ path, received: REDACTED, expected: problem, source });
    }
  }
}
