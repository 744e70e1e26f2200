import { editRepeated, fieldsOf, varint } from '../../../src/internal/exemplars/protobuf-fields.js';

// field 1 (len 2: 0x08 0x01), field 2 varint 150, field 1 (len 1: 0x2a)
const MESSAGE = Uint8Array.from([0x0a, 0x02, 0x08, 0x01, 0x10, 0x96, 0x01, 0x0a, 0x01, 0x2a]);

describe('varint', () => {
  it('should encode as protobuf does', () => {
    expect(varint(1)).toEqual([1]);
    expect(varint(150)).toEqual([0x96, 0x01]);
    expect(varint(2 ** 35)).toEqual([0x80, 0x80, 0x80, 0x80, 0x80, 0x01]);
  });
});

describe('fieldsOf', () => {
  it('should list the fields with their offsets', () => {
    expect(fieldsOf(MESSAGE)).toEqual([
      { field: 1, wire: 2, start: 0, valueStart: 2, end: 4 },
      { field: 2, wire: 0, start: 4, valueStart: 5, end: 7 },
      { field: 1, wire: 2, start: 7, valueStart: 9, end: 10 },
    ]);
  });

  it('should throw a RangeError for a truncated message', () => {
    expect(() => fieldsOf(MESSAGE.subarray(0, 3))).toThrow(RangeError);
  });
});

describe('editRepeated', () => {
  it('should replace the edited payloads and copy every other byte', () => {
    const edited = editRepeated(MESSAGE, 1, 2, (payload, index) =>
      index === 1 ? Uint8Array.from([...payload, 0x2b]) : undefined,
    );
    expect(edited).toEqual(
      Uint8Array.from([0x0a, 0x02, 0x08, 0x01, 0x10, 0x96, 0x01, 0x0a, 0x02, 0x2a, 0x2b]),
    );
  });

  it('should return the message itself when nothing changed, undefined for another count', () => {
    expect(editRepeated(MESSAGE, 1, 2, () => undefined)).toBe(MESSAGE);
    expect(editRepeated(MESSAGE, 1, 1, () => undefined)).toBeUndefined();
    expect(editRepeated(MESSAGE, 1, 3, () => undefined)).toBeUndefined();
  });
});
