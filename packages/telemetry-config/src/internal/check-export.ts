import type { ExportConfig } from '../types.js';
import { checkClientCertificate } from './check-client-certificate.js';
import { checkGrpcHeaders } from './check-grpc-headers.js';
import type { ExportCheckContext } from './export-check-context.js';

/**
 * Checks what only the merged export settings of one signal tell (the protocol and the two
 * halves of a client certificate may come from different sources), so that building the
 * exporter cannot throw later. Removes the environment values it reports.
 */
export function checkExport(config: ExportConfig, context: ExportCheckContext): void {
  checkClientCertificate(config.tls, context);
  if (config.protocol === 'grpc') checkGrpcHeaders(config.headers, context);
}
