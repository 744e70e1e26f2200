/** The media type a scraper names to get OpenMetrics text (Prometheus sends it first). */
const OPENMETRICS = 'application/openmetrics-text';
/** The OpenMetrics versions the endpoint's 1.0.0 text satisfies. */
const VERSIONS = new Set(['1.0.0', '0.0.1']);

interface MediaRange {
  type: string;
  q: number;
  version?: string;
}

function parse(range: string): MediaRange {
  const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
  const parsed: MediaRange = { type, q: 1 };
  for (const param of params) {
    const [key, value = ''] = param.split('=').map((part) => part.trim());
    if (key === 'q') parsed.q = Number(value);
    else if (key === 'version') parsed.version = value;
  }
  return parsed;
}

/**
 * Whether an `Accept` header asks for OpenMetrics at least as much as for the text format:
 * `application/openmetrics-text` (version 1.0.0, 0.0.1 or none) with a quality above 0 and not
 * below that of `text/plain`. https://www.rfc-editor.org/rfc/rfc9110#name-accept
 */
export function acceptsOpenMetrics(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  let openMetrics = 0;
  let text = 0;
  for (const range of accept.split(',').map(parse)) {
    if (!(range.q > 0)) continue;
    if (
      range.type === OPENMETRICS &&
      (range.version === undefined || VERSIONS.has(range.version))
    ) {
      openMetrics = Math.max(openMetrics, range.q);
    } else if (range.type === 'text/plain') {
      text = Math.max(text, range.q);
    }
  }
  return openMetrics > 0 && openMetrics >= text;
}
