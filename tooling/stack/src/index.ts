export type { StackPorts } from './ports.js';
export { DEFAULT_PORTS, PORT_OFFSET_ENV, portsWithOffset, readPortOffset } from './ports.js';
export type { ServiceName } from './service-spec.js';
export type { ServiceStatus, Stack, StackOptions } from './stack.js';
export { createStack, readRunningPorts } from './stack.js';
export { StackError } from './stack-error.js';
