import type { ExportConfig, TelemetryConfigIssue } from '../types.js';
import { lonelyClientFile, MUTUAL_TLS } from './check-client-certificate.js';
import { clientPairProblem } from './client-pair.js';
import { REDACTED } from './credentials.js';
import { EXPECTED } from './fields.js';
import { fileProblem } from './file-problem.js';
import { grpcHeaderProblem } from './grpc-metadata.js';

/**
 * What the exporter could not be built with, in the export settings of a section built in code
 * (`validateTraceConfig` / `validateMetricsConfig` / `validateLogsConfig`) that the schema accepted: TLS files that
 * cannot be read now, a client key without its certificate (or the reverse), headers gRPC
 * metadata cannot carry.
 */
export function sectionExportIssues(
  name: 'traces' | 'metrics' | 'logs',
  config: ExportConfig,
): TelemetryConfigIssue[] {
  const issues: TelemetryConfigIssue[] = [];
  const at = `${name}.export`;
  const { tls, headers, protocol } = config;
  for (const field of ['certificateFile', 'clientKeyFile', 'clientCertificateFile'] as const) {
    const path = tls[field];
    const problem = path === undefined ? undefined : fileProblem(path);
    if (problem !== undefined) {
      issues.push({
        path: `${at}.tls.${field}`,
        received: path,
        expected: `${EXPECTED.file} (${problem})`,
        source: 'code',
      });
    }
  }
  const lonely = lonelyClientFile(tls);
  const { clientKeyFile: key, clientCertificateFile: cert } = tls;
  const pairProblem =
    issues.length === 0 && key !== undefined && cert !== undefined
      ? clientPairProblem(key, cert)
      : undefined;
  if (pairProblem !== undefined) {
    issues.push({
      path: `${at}.tls.clientKeyFile`,
      received: key,
      expected: `a PEM client key that makes a pair with ${at}.tls.clientCertificateFile (${pairProblem})`,
      source: 'code',
    });
  }
  if (lonely !== undefined) {
    const [given, missing] = lonely;
    issues.push({
      path: `${at}.tls.${given}`,
      received: tls[given],
      expected: `${at}.tls.${missing} as well (${MUTUAL_TLS})`,
      source: 'code',
    });
  }
  if (protocol === 'grpc') {
    for (const [header, value] of Object.entries(headers)) {
      const problem = grpcHeaderProblem(header, value);
      if (problem !== undefined) {
        issues.push({
          path: `${at}.headers.${header}`,
          received: REDACTED,
          expected: problem,
          source: 'code',
        });
      }
    }
  }
  return issues;
}
