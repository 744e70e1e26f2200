import { ResourceBuilder } from '@proc/telemetry-resource';

const resource = await new ResourceBuilder()
  .withServiceName('order-enricher')
  .withServiceVersion('1.4.0')
  .withDeploymentEnvironment('production')
  .build();

// service.*, deployment.environment.name, and the detected process, host and OS attributes.
console.log('service.name', resource.attributes['service.name']);
console.log('deployment.environment.name', resource.attributes['deployment.environment.name']);
console.log('host.name', typeof resource.attributes['host.name']);
