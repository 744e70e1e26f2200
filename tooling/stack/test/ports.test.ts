import { DEFAULT_PORTS, PORT_OFFSET_ENV, portsWithOffset, readPortOffset } from '../src/ports.js';
import { StackError } from '../src/stack-error.js';

describe('portsWithOffset', () => {
  it('should move every port by the offset', () => {
    const moved = portsWithOffset(1000);
    for (const [name, port] of Object.entries(DEFAULT_PORTS))
      expect([name, moved[name as keyof typeof moved]]).toEqual([name, port + 1000]);
  });

  it('should give every service a port of its own', () => {
    const ports = Object.values(DEFAULT_PORTS);
    expect(new Set(ports).size).toBe(ports.length);
  });

  it("should keep the e2e stack's ports (offset 1000) clear of the default stack's", () => {
    const defaults = new Set(Object.values(DEFAULT_PORTS));
    expect(Object.values(portsWithOffset(1000)).filter((p) => defaults.has(p))).toEqual([]);
  });
});

describe('readPortOffset', () => {
  it('should be 0 when unset or blank', () => {
    expect(readPortOffset({})).toBe(0);
    expect(readPortOffset({ [PORT_OFFSET_ENV]: ' ' })).toBe(0);
  });

  it('should read a whole number', () => {
    expect(readPortOffset({ [PORT_OFFSET_ENV]: '1000' })).toBe(1000);
  });

  it.each(['-1', '1.5', 'abc', '60000'])('should name the variable when it is %s', (value) => {
    expect(() => readPortOffset({ [PORT_OFFSET_ENV]: value })).toThrow(StackError);
    expect(() => readPortOffset({ [PORT_OFFSET_ENV]: value })).toThrow(
      new RegExp(`${PORT_OFFSET_ENV} must be a whole number from 0 to \\d+, got "${value}"`),
    );
  });
});
