// The severity words of the OTel log data model, shared by the log tail and the web view.

/** The word of each severity range, by the first number of the range. */
const SEVERITIES: [number, string][] = [
  [21, 'FATAL'],
  [17, 'ERROR'],
  [13, 'WARN'],
  [9, 'INFO'],
  [5, 'DEBUG'],
  [1, 'TRACE'],
];

/** The word of `severityNumber`'s range (`UNSET` for 0). */
export function severityLevel(severityNumber: number): string {
  return SEVERITIES.find(([from]) => severityNumber >= from)?.[1] ?? 'UNSET';
}
