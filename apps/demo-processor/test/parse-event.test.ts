import { PoisonMessageError, parseEvent } from '../src/parse-event.js';

describe('parseEvent', () => {
  it('should return a valid event', () => {
    const event = { id: 'e-1', type: 'click', customerId: 'c-1', amount: 0, eventTimeMillis: 5 };
    expect(parseEvent(JSON.stringify(event))).toEqual(event);
  });

  it.each([
    ['truncated JSON', '{"id":"e-1",', /not JSON/],
    ['null', 'null', /not a valid event/],
    [
      'an unknown type',
      '{"id":"e","type":"refund","customerId":"c","amount":1,"eventTimeMillis":1}',
      /not a valid event/,
    ],
    [
      'a missing time',
      '{"id":"e","type":"order","customerId":"c","amount":1}',
      /not a valid event/,
    ],
  ])('should throw a PoisonMessageError for %s', (_name, value, message) => {
    expect(() => parseEvent(value)).toThrow(PoisonMessageError);
    expect(() => parseEvent(value)).toThrow(message);
  });
});
