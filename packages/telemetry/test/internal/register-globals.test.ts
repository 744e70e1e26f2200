import {
  context,
  createNoopMeter,
  type MeterProvider,
  metrics,
  propagation,
  trace,
} from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { LoggerProvider } from '@opentelemetry/sdk-logs';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { createContextManager, createPropagator } from '@proc/telemetry-context';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { registerGlobals } from '../../src/internal/register-globals.js';
import { registeredGlobals } from '../helpers/globals.js';
import { resetGlobals } from '../helpers/reset-globals.js';

function parts() {
  return {
    tracerProvider: new BasicTracerProvider(),
    meterProvider: { getMeter: () => createNoopMeter() } satisfies MeterProvider,
    loggerProvider: new LoggerProvider(),
    propagator: createPropagator(['tracecontext']),
    contextManager: createContextManager(),
  };
}

describe('registerGlobals', () => {
  afterEach(() => resetGlobals());

  it('should register the five globals and unregister exactly those', () => {
    const unregister = registerGlobals(parts());
    expect(registeredGlobals()).toEqual(['trace', 'metrics', 'propagation', 'context', 'logs']);

    unregister();

    expect(registeredGlobals()).toEqual([]);
  });

  it('should keep a global registered before, warn, and leave it on unregister', () => {
    const logger = installTestDiagLogger();
    const theirs = createPropagator(['tracecontext']);
    propagation.setGlobalPropagator(theirs);
    const ours = parts();

    const unregister = registerGlobals(ours);
    unregister();

    expect(logger.has('warn', /a global propagator was already registered/)).toBe(true);
    expect(registeredGlobals()).toEqual(['propagation', 'diag']);
    expect(trace.getTracerProvider()).not.toBe(ours.tracerProvider);
    expect(metrics.getMeterProvider()).not.toBe(ours.meterProvider);
  });

  it('should keep a logger provider registered before, warn, and leave it on unregister', () => {
    const logger = installTestDiagLogger();
    const theirs = new LoggerProvider();
    logs.setGlobalLoggerProvider(theirs);

    const unregister = registerGlobals(parts());
    unregister();

    expect(logger.has('warn', /a global logger provider was already registered/)).toBe(true);
    expect(logs.getLoggerProvider()).toBe(theirs);
  });

  it('should disable its context manager when another one is registered', () => {
    installTestDiagLogger();
    const theirs = createContextManager();
    context.setGlobalContextManager(theirs);
    const ours = parts();
    const disable = jest.spyOn(ours.contextManager, 'disable');

    registerGlobals(ours);

    expect(disable).toHaveBeenCalled();
  });
});
