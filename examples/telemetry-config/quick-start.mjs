import { explainConfig, loadConfig } from '@proc/telemetry-config';

// defaults < config file < OTEL_* variables < code
const config = loadConfig({ config: { service: { name: 'order-enricher' } } });
console.log('service', config.service.name);
console.log('traces to', config.traces.export.endpoint, 'over', config.traces.export.protocol);

// Where each value came from: default, code, file:<path> or env:<VARIABLE>.
const { values } = explainConfig({ config: { service: { name: 'order-enricher' } } });
const endpoint = values.find((value) => value.path === 'traces.export.endpoint');
console.log('endpoint from', endpoint?.origin);
