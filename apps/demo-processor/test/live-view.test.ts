import { type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';
import { renderProgress, startLiveView } from '../src/live-view.js';

describe('renderProgress', () => {
  it('should draw a bar with the elapsed and remaining time', () => {
    expect(renderProgress(5000, 20_000)).toBe(
      `progress ${'█'.repeat(6)}${'░'.repeat(18)} 25%  5s of 20s, 15s left`,
    );
  });

  it('should say what the run does once production is over, or that it runs until Ctrl-C', () => {
    expect(renderProgress(3000, 0)).toBe('running for 3s (until Ctrl-C)');
    expect(renderProgress(20_400, 20_000, 'duration')).toMatch(
      /^produced for 20s: draining the queue/,
    );
    expect(renderProgress(7000, 20_000, 'signal')).toMatch(/^stopping \(signal\) after 7s: /);
  });
});

describe('startLiveView', () => {
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });

  afterAll(async () => {
    await receiver.stop();
  });

  it('should redraw one screen in place on a terminal, fitted to it, with the latest output lines', () => {
    const written: string[] = [];
    const view = startLiveView({
      receiver,
      write: (text) => written.push(text),
      terminal: { columns: () => 50, rows: () => 40 },
      uiUrl: 'http://127.0.0.1:8318/',
      durationMillis: 20_000,
      summaryIntervalMillis: 5000,
    });
    view.write('first line\n');
    view.write(`a line much longer than the fifty columns of this terminal ${'x'.repeat(40)}\n`);
    view.close();
    expect(written).toHaveLength(2);
    expect(written[0]!.startsWith('\x1b[2J\x1b[H')).toBe(true);
    const last = written[1]!;
    expect(last.startsWith('\x1b[H')).toBe(true);
    expect(last).not.toContain('\x1b[2J');
    const lines = last.slice(3).split('\x1b[K\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
    expect(lines).toContain('  web view: http://127.0.0.1:8318/');
    // Nothing elapsed yet: an empty bar.
    expect(lines.some((l) => l.startsWith('  progress ░░░░'))).toBe(true);
    expect(lines).toContain('    first line');
    expect(lines.some((l) => l.startsWith('    a line much longer') && l.endsWith('…'))).toBe(true);
  });

  it('should pass output lines through and print plain summaries when not on a terminal', () => {
    const written: string[] = [];
    const view = startLiveView({
      receiver,
      write: (text) => written.push(text),
      durationMillis: 0,
      summaryIntervalMillis: 5000,
    });
    view.write('a log line\n');
    view.finishing('signal');
    view.close();
    expect(written[0]).toBe('a log line\n');
    expect(written).toHaveLength(2);
    expect(written[1]).not.toContain('\x1b[');
    expect(written[1]!.split('\n')[2]).toMatch(/^ {2}stopping \(signal\) after 0s: /);
  });
});
