import * as os from 'node:os';
import { printResource } from '../../examples/print-resource.js';

describe('examples/print-resource', () => {
  describe('printResource', () => {
    it('should print the service and processor attributes of this process', async () => {
      const lines: string[] = [];
      const resource = await printResource((line) => lines.push(line));
      expect(lines[0]).toBe('service.name = order-enricher');
      expect(lines).toContain(`${'host.name'.padEnd(32)} ${JSON.stringify(os.hostname())}`);
      expect(lines).toContain(`${'processor.partitions'.padEnd(32)} [0,1]`);
      expect(resource.attributes['processor.pipeline.id']).toBe('orders');
      expect(resource.attributes.team).toBe('data-platform');
    });
  });
});
