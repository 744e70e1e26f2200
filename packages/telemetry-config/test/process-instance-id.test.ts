import { loadConfig } from '../src/load-config.js';
import { processInstanceId } from '../src/process-instance-id.js';

describe('processInstanceId', () => {
  it('should return a random (version 4) UUID', () => {
    expect(processInstanceId()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('should return the same id on every call', () => {
    expect(processInstanceId()).toBe(processInstanceId());
  });

  it('should share the id with another copy of the module in the process', () => {
    const id = processInstanceId();
    jest.isolateModules(() => {
      const copy = require('../src/process-instance-id.js') as {
        processInstanceId: () => string;
      };
      expect(copy.processInstanceId()).toBe(id);
    });
  });

  it('should be the default service.instanceId of a loaded config', () => {
    expect(loadConfig({ env: {} }).service.instanceId).toBe(processInstanceId());
  });
});
