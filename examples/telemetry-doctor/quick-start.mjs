import { diagnoseTelemetry } from '@proc/telemetry-doctor'; // also re-exported by @proc/telemetry

// Reads the configuration as initTelemetry() would (OTEL_EXPORTER_OTLP_ENDPOINT, ...) and sends
// one span, one data point and one log record to where the app's telemetry would go.
const diagnosis = await diagnoseTelemetry({ timeoutMillis: 5000 });
for (const finding of diagnosis.findings) {
  if (finding.status === 'problem') {
    console.log(
      `FAIL ${finding.signal} (${finding.code}): ${finding.message}; fix: ${finding.fix}`,
    );
  } else {
    console.log(`${finding.status} ${finding.signal} (${finding.code}): ${finding.endpoint ?? ''}`);
  }
}
process.exitCode = diagnosis.ok ? 0 : 1;
