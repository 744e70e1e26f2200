import { renderLogTail } from '../../src/index.js';
import { logRecord } from '../helpers/log-record.js';

describe('renderLogTail', () => {
  it('should draw time, severity, scope, body and the short trace id of each record', () => {
    const lines = renderLogTail([
      logRecord(),
      logRecord({
        severityNumber: 13,
        severityText: undefined,
        body: 'payment\nretried',
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      }),
      logRecord({ body: { order: 1, total: 12n }, severityNumber: 0, severityText: undefined }),
    ]);
    expect(lines).toEqual([
      '22:13:20.250 INFO  orders          started',
      '22:13:20.250 WARN  orders          payment retried  trace 4bf92f35',
      '22:13:20.250 UNSET orders          {"order":1,"total":"12"}',
    ]);
  });

  it('should keep the latest maxLines records and say how many came before', () => {
    const records = [1, 2, 3, 4].map((i) => logRecord({ body: `line ${i}` }));
    const lines = renderLogTail(records, { maxLines: 2, bodyWidth: 10 });
    expect(lines).toEqual([
      '… 2 earlier record(s)',
      '22:13:20.250 INFO  orders          line 3',
      '22:13:20.250 INFO  orders          line 4',
    ]);
  });

  it('should say when there is nothing yet and reject a bad option', () => {
    expect(renderLogTail([])).toEqual(['(no log records yet)']);
    expect(() => renderLogTail([], { maxLines: 0 })).toThrow(/maxLines must be an integer/);
  });
});
