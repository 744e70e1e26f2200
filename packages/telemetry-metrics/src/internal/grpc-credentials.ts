import { type ChannelCredentials, credentials, Metadata } from '@grpc/grpc-js';
import type { TlsConfig } from '@proc/telemetry-config';
import { logger } from './diag.js';
import type { TlsMaterial } from './tls-files.js';

/**
 * Channel credentials as the OTLP exporter specification derives them: an `http://` endpoint is
 * plaintext, `https://` is TLS; without a scheme, `insecure` decides. TLS uses the configured CA
 * and, when both are present, the client key and certificate.
 */
export function grpcCredentials(
  endpoint: string,
  tls: TlsConfig,
  material: TlsMaterial,
): ChannelCredentials {
  const plaintext =
    endpoint.startsWith('http://') || (!endpoint.startsWith('https://') && tls.insecure);
  if (plaintext) {
    return credentials.createInsecure();
  }
  if ((material.key === undefined) !== (material.cert === undefined)) {
    logger.warn(
      'a client key and a client certificate must both be set for mutual TLS; using neither',
    );
    return credentials.createSsl(material.ca ?? null);
  }
  return credentials.createSsl(material.ca ?? null, material.key ?? null, material.cert ?? null);
}

/** gRPC metadata holding the configured headers. */
export function grpcMetadata(headers: Readonly<Record<string, string>>): Metadata {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(headers)) {
    metadata.set(key, value);
  }
  return metadata;
}
