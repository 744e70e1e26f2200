// The web view's one HTML page: the styles and the script inline (nothing loaded from
// elsewhere), allowed by a per-page nonce. It holds no received data: the script fetches it.
import { type ViewerClientConfig, viewerClient } from './viewer-client.js';
import { VIEWER_STYLES } from './viewer-styles.js';

// A tiny SVG icon, inline: the browser asks for /favicon.ico otherwise.
const ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect x='1' y='3' width='9' height='3' fill='%234c8dff'/%3E%3Crect x='5' y='8' width='10' height='3' fill='%2330b37a'/%3E%3C/svg%3E";

/** The page, with `nonce` on its inline style and script. */
export function renderViewerPage(options: { nonce: string; refreshMillis: number }): string {
  const config: ViewerClientConfig = { refreshMillis: options.refreshMillis };
  // `<\/` keeps the script's text from ever closing its own element.
  const script = `(${viewerClient.toString()})(${JSON.stringify(config)});`.replace(/<\//g, '<\\/');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>OTLP receiver</title>',
    `<link rel="icon" href="${ICON}">`,
    `<style nonce="${options.nonce}">${VIEWER_STYLES}</style>`,
    '</head>',
    '<body>',
    '<noscript>The trace viewer needs JavaScript; the data is also at /api/traces, /api/metrics and /api/logs.</noscript>',
    `<script nonce="${options.nonce}">${script}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
