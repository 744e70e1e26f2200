import { redactUrl } from '../redact-url.js';
import type { TlsConfig } from '../types.js';
import { clientPairProblem } from './client-pair.js';
import { exportVariable, TLS_SUFFIX } from './env-names.js';
import {
  type ExportCheckContext,
  envSignal,
  optionPath,
  sourceOf,
} from './export-check-context.js';
import { makeWarning } from './warnings.js';

/** Why a client key or certificate alone is refused. */
export const MUTUAL_TLS = 'mutual TLS needs both a client key and a client certificate';

type ClientFile = 'clientKeyFile' | 'clientCertificateFile';

/** The client file that is set without its pair, and the pair, or `undefined` when paired. */
export function lonelyClientFile(tls: TlsConfig): [ClientFile, ClientFile] | undefined {
  const key = tls.clientKeyFile !== undefined;
  const cert = tls.clientCertificateFile !== undefined;
  if (key === cert) return undefined;
  return key
    ? ['clientKeyFile', 'clientCertificateFile']
    : ['clientCertificateFile', 'clientKeyFile'];
}

/** A client key without a client certificate, or the reverse. */
function checkLonely(tls: TlsConfig, context: ExportCheckContext): void {
  const lonely = lonelyClientFile(tls);
  if (lonely === undefined) return;
  const [given, missing] = lonely;
  const value = redactUrl(tls[given] as string);
  const source = sourceOf(context, ['tls', given]);
  if (source === 'env') {
    const signal = envSignal(context, ['tls', given]);
    const pair = exportVariable(TLS_SUFFIX[missing], signal);
    const expected = `${pair} as well (${MUTUAL_TLS})`;
    context.findings.warn(makeWarning(exportVariable(TLS_SUFFIX[given], signal), value, expected));
    delete tls[given];
    return;
  }
  const path = optionPath(context, source, ['tls', given]);
  const expected = `${path.replace(/[^.]+$/, missing)} as well (${MUTUAL_TLS})`;
  context.findings.issue({ path, received: value, expected, source });
}

/** A client key and certificate that are no PEM pair (gRPC would throw building the exporter). */
function checkPair(tls: TlsConfig, context: ExportCheckContext): void {
  const { clientKeyFile: key, clientCertificateFile: cert } = tls;
  if (key === undefined || cert === undefined) return;
  const problem = clientPairProblem(key, cert);
  if (problem === undefined) return;
  const keySource = sourceOf(context, ['tls', 'clientKeyFile']);
  const certSource = sourceOf(context, ['tls', 'clientCertificateFile']);
  if (keySource === 'env' || certSource === 'env') {
    const [field, other]: [ClientFile, ClientFile] =
      keySource === 'env'
        ? ['clientKeyFile', 'clientCertificateFile']
        : ['clientCertificateFile', 'clientKeyFile'];
    const signal = envSignal(context, ['tls', field]);
    const pair = exportVariable(TLS_SUFFIX[other], signal);
    const expected = `a PEM client key and certificate that make a pair with ${pair} (${problem})`;
    const value = redactUrl(tls[field] as string);
    context.findings.warn(makeWarning(exportVariable(TLS_SUFFIX[field], signal), value, expected));
    delete tls.clientKeyFile;
    delete tls.clientCertificateFile;
    return;
  }
  const certPath = optionPath(context, certSource, ['tls', 'clientCertificateFile']);
  context.findings.issue({
    path: optionPath(context, keySource, ['tls', 'clientKeyFile']),
    received: redactUrl(key),
    expected: `a PEM client key that makes a pair with ${certPath} (${problem})`,
    source: keySource,
  });
}

/**
 * The client certificate of one signal: a key without its certificate (or the reverse), or a
 * pair that is not PEM or does not match. From the environment: reported, and the client
 * certificate is left out (the connection goes without one rather than the app not starting);
 * from code or a file: an issue.
 */
export function checkClientCertificate(tls: TlsConfig, context: ExportCheckContext): void {
  checkLonely(tls, context);
  checkPair(tls, context);
}
