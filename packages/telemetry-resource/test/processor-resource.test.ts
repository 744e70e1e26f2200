import { diag } from '@opentelemetry/api';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import {
  ATTR_PROCESSOR_NAME,
  ATTR_PROCESSOR_PARTITIONS,
  ATTR_PROCESSOR_PIPELINE_ID,
  ATTR_PROCESSOR_PIPELINE_STAGE,
  ATTR_PROCESSOR_WORKER_ID,
} from '../src/processor-attributes.js';
import { createProcessorResource } from '../src/processor-resource.js';
import type { ProcessorOptions } from '../src/types.js';
import { resourceConfig, serviceConfig } from './helpers/config.js';

describe('createProcessorResource', () => {
  afterEach(() => {
    diag.disable();
  });

  describe('createProcessorResource', () => {
    it('should add the processor attributes to the service resource', async () => {
      const resource = await createProcessorResource({
        service: serviceConfig({ name: 'orders', version: '1.2.0' }),
        resource: resourceConfig({ detectors: ['process'] }),
        processor: {
          name: 'order-enricher',
          pipelineId: 'orders-v2',
          pipelineStage: 'enrich',
          workerId: '3',
          partitions: [6, 7],
        },
      });
      expect(resource.asyncAttributesPending).toBe(false);
      expect(resource.attributes).toMatchObject({
        'service.name': 'orders',
        'service.version': '1.2.0',
        'process.pid': process.pid,
        [ATTR_PROCESSOR_NAME]: 'order-enricher',
        [ATTR_PROCESSOR_PIPELINE_ID]: 'orders-v2',
        [ATTR_PROCESSOR_PIPELINE_STAGE]: 'enrich',
        [ATTR_PROCESSOR_WORKER_ID]: '3',
        [ATTR_PROCESSOR_PARTITIONS]: [6, 7],
      });
    });

    it('should use the documented attribute keys', () => {
      expect([
        ATTR_PROCESSOR_NAME,
        ATTR_PROCESSOR_PIPELINE_ID,
        ATTR_PROCESSOR_PIPELINE_STAGE,
        ATTR_PROCESSOR_WORKER_ID,
        ATTR_PROCESSOR_PARTITIONS,
      ]).toEqual([
        'processor.name',
        'processor.pipeline.id',
        'processor.pipeline.stage',
        'processor.worker.id',
        'processor.partitions',
      ]);
    });

    it('should leave unset processor fields out', async () => {
      const { attributes } = await createProcessorResource({
        resource: resourceConfig({ detectors: [] }),
        processor: { name: 'solo' },
      });
      expect(attributes[ATTR_PROCESSOR_NAME]).toBe('solo');
      expect(Object.keys(attributes).filter((key) => key.startsWith('processor.'))).toEqual([
        ATTR_PROCESSOR_NAME,
      ]);
    });

    it('should let processor fields beat extra attributes, and both beat config', async () => {
      const { attributes } = await createProcessorResource({
        service: serviceConfig({ name: 'orders' }),
        resource: resourceConfig({
          attributes: { [ATTR_PROCESSOR_WORKER_ID]: 'from-config', team: 'config-team' },
          detectors: [],
        }),
        attributes: { [ATTR_PROCESSOR_WORKER_ID]: 'from-attributes', team: 'code-team' },
        processor: { name: 'p', workerId: 'from-processor' },
      });
      expect(attributes[ATTR_PROCESSOR_WORKER_ID]).toBe('from-processor');
      expect(attributes.team).toBe('code-team');
    });

    it('should run every detector when no resource section is given', async () => {
      const { attributes } = await createProcessorResource({ processor: { name: 'p' } });
      expect(attributes['process.pid']).toBe(process.pid);
      expect(attributes['os.type']).toBeDefined();
    });

    it('should throw when the processor name is missing or empty', () => {
      expect(() => createProcessorResource({ processor: { name: ' ' } })).toThrow(
        /createProcessorResource needs processor.name, a non-empty string/,
      );
      expect(() =>
        createProcessorResource({ processor: {} as unknown as ProcessorOptions }),
      ).toThrow(TypeError);
    });

    it('should drop invalid partitions and fields with a warning, not throw', async () => {
      const logger = installTestDiagLogger();
      const { attributes } = await createProcessorResource({
        resource: resourceConfig({ detectors: [] }),
        processor: {
          name: 'p',
          partitions: [0, -1, 2.5],
          pipelineId: { id: 1 } as unknown as string,
        },
      });
      expect(attributes).not.toHaveProperty([ATTR_PROCESSOR_PARTITIONS]);
      expect(attributes).not.toHaveProperty([ATTR_PROCESSOR_PIPELINE_ID]);
      expect(attributes[ATTR_PROCESSOR_NAME]).toBe('p');
      expect(logger.texts('warn')).toEqual([
        expect.stringContaining(
          'dropped resource attribute "processor.pipeline.id" (from processor options): value is an object',
        ),
        expect.stringContaining(
          'dropped resource attribute "processor.partitions" (from processor options): partitions must be an array of non-negative integers',
        ),
      ]);
    });
  });
});
