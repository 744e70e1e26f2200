import { createEventGenerator } from '../src/event-generator.js';
import { parseEvent } from '../src/parse-event.js';
import { seededRandom } from '../src/seeded-random.js';

describe('createEventGenerator', () => {
  const now = () => 1_000_000;

  it('should be reproducible from its seed', () => {
    const a = createEventGenerator({ random: seededRandom(7), now });
    const b = createEventGenerator({ random: seededRandom(7), now });
    const take = (next: typeof a) => Array.from({ length: 50 }, () => next());
    expect(take(a)).toEqual(take(b));
  });

  it('should mix valid events, redelivered duplicates, late events and poison messages', () => {
    const next = createEventGenerator({
      random: seededRandom(1),
      now,
      duplicateRate: 0.1,
      lateRate: 0.1,
      poisonRate: 0.05,
      maxLatenessMillis: 8000,
    });
    const messages = Array.from({ length: 1000 }, () => next());
    const poison = messages.filter((m) => m.kind === 'poison');
    const events = messages.flatMap((m) => (m.kind === 'event' ? [m] : []));
    const duplicates = events.filter((m) => m.duplicate);
    const late = events.filter((m) => !m.duplicate && m.event.eventTimeMillis < now());
    expect(poison.length).toBeGreaterThan(0);
    expect(duplicates.length).toBeGreaterThan(0);
    expect(late.length).toBeGreaterThan(0);
    for (const m of poison) expect(() => parseEvent(m.value)).toThrow();
    for (const m of events) expect(parseEvent(JSON.stringify(m.event))).toEqual(m.event);
    for (const m of late) expect(now() - m.event.eventTimeMillis).toBeLessThanOrEqual(8000);
    const ids = new Set(events.filter((m) => !m.duplicate).map((m) => m.event.id));
    for (const m of duplicates) expect(ids.has(m.event.id)).toBe(true);
  });
});
