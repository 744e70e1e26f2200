import { E2E_PORT_OFFSET, e2ePortOffset } from '../src/e2e-stack.js';
import { DEFAULT_PORTS, PORT_OFFSET_ENV, portsWithOffset } from '../src/ports.js';
import { StackError } from '../src/stack-error.js';

describe('e2ePortOffset', () => {
  it('should be +1000 when PROC_STACK_PORT_OFFSET is unset or blank', () => {
    expect(e2ePortOffset({})).toBe(E2E_PORT_OFFSET);
    expect(e2ePortOffset({ [PORT_OFFSET_ENV]: ' ' })).toBe(E2E_PORT_OFFSET);
  });

  it('should take PROC_STACK_PORT_OFFSET when set, so a second checkout runs beside the first', () => {
    expect(e2ePortOffset({ [PORT_OFFSET_ENV]: '3000' })).toBe(3000);
    const first = new Set(Object.values(portsWithOffset(E2E_PORT_OFFSET)));
    const defaults = new Set(Object.values(DEFAULT_PORTS));
    const second = Object.values(portsWithOffset(3000));
    expect(second.filter((p) => first.has(p) || defaults.has(p))).toEqual([]);
  });

  it('should refuse an offset that is not a whole number, naming the variable', () => {
    expect(() => e2ePortOffset({ [PORT_OFFSET_ENV]: 'x' })).toThrow(StackError);
    expect(() => e2ePortOffset({ [PORT_OFFSET_ENV]: 'x' })).toThrow(PORT_OFFSET_ENV);
  });
});
