import { EventEmitter } from 'node:events';
import { setImmediate as setImmediateP, setTimeout as setTimeoutP } from 'node:timers/promises';
import { type Context, context, ROOT_CONTEXT } from '@opentelemetry/api';
import { bindContext, propagateContext, withContext } from '../src/async-context.js';
import { createContextManager } from '../src/context-manager.js';

const KEY = Symbol('request');
const requestContext = (id: string): Context => ROOT_CONTEXT.setValue(KEY, id);
const current = (): unknown => context.active().getValue(KEY);

describe('async context helpers', () => {
  beforeEach(() => {
    context.setGlobalContextManager(createContextManager());
  });

  afterEach(() => {
    context.disable();
  });

  describe('withContext', () => {
    it('should keep the context across await, setTimeout, setImmediate and promise chains', async () => {
      const seen = await withContext(requestContext('r1'), async () => {
        const ids: unknown[] = [current()];
        await Promise.resolve();
        ids.push(current());
        await setTimeoutP(1);
        ids.push(current());
        await setImmediateP();
        ids.push(current());
        ids.push(await new Promise((resolve) => setTimeout(() => resolve(current()), 1)));
        ids.push(await new Promise((resolve) => setImmediate(() => resolve(current()))));
        ids.push(
          await Promise.resolve(1)
            .then(() => current())
            .then((id) => `${id}`),
        );
        return ids;
      });
      expect(seen).toEqual(['r1', 'r1', 'r1', 'r1', 'r1', 'r1', 'r1']);
      expect(current()).toBeUndefined();
    });

    it('should pass arguments and return the result', () => {
      expect(
        withContext(requestContext('r'), (a: number, b: number) => `${current()}${a + b}`, 1, 2),
      ).toBe('r3');
    });
  });

  describe('bindContext', () => {
    it('should run EventEmitter listeners in the bound context whoever emits', async () => {
      const emitter = bindContext(requestContext('bound'), new EventEmitter());
      const seen = new Promise((resolve) => emitter.on('data', () => resolve(current())));
      withContext(requestContext('emitter'), () => emitter.emit('data'));
      await expect(seen).resolves.toBe('bound');
    });

    it('should bind a function', () => {
      const fn = bindContext(requestContext('b'), () => current());
      expect(withContext(requestContext('other'), fn)).toBe('b');
    });
  });

  describe('propagateContext', () => {
    it('should capture the context for work a queue runs later', async () => {
      const queue: (() => unknown)[] = [];
      withContext(requestContext('q1'), () => queue.push(propagateContext(() => current())));
      withContext(requestContext('q2'), () => queue.push(propagateContext(() => current())));
      const results = await new Promise((resolve) =>
        setImmediate(() => resolve(queue.map((job) => job()))),
      );
      expect(results).toEqual(['q1', 'q2']);
    });

    it('should not leak between 1,000 interleaved concurrent tasks', async () => {
      const task = async (i: number): Promise<boolean> => {
        const id = `task-${i}`;
        return withContext(requestContext(id), async () => {
          let ok = current() === id;
          for (let step = 0; step < 5; step++) {
            // Interleave with other tasks through different kinds of scheduling.
            if ((i + step) % 3 === 0) await setImmediateP();
            else if ((i + step) % 3 === 1) await setTimeoutP(0);
            else await Promise.resolve();
            ok &&= current() === id;
          }
          const later = await new Promise((resolve) =>
            setImmediate(propagateContext(() => resolve(current()))),
          );
          return ok && later === id;
        });
      };
      const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => task(i)));
      expect(results.filter((ok) => !ok)).toHaveLength(0);
      expect(results).toHaveLength(1000);
      expect(current()).toBeUndefined();
    });
  });
});
