// The styles of the web view's page (inline in the page; light and dark follow the system).

/** The page's CSS. */
export const VIEWER_STYLES = `
:root { --bg: #f7f8fa; --panel: #fff; --fg: #1d2430; --muted: #6b7585; --line: #e2e6ec;
  --accent: #3b6fe0; --bad: #d33a3a; --good: #1f9d61; --sel: #e8effd;
  color-scheme: light dark; font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
@media (prefers-color-scheme: dark) { :root { --bg: #14171c; --panel: #1b1f26; --fg: #e3e7ee;
  --muted: #8d97a8; --line: #2c323c; --accent: #6f9bff; --sel: #24324d; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); height: 100vh; display: flex; flex-direction: column; }
header { display: flex; align-items: center; gap: 18px; padding: 8px 16px; background: var(--panel); border-bottom: 1px solid var(--line); }
header h1 { font-size: 15px; margin: 0; }
header nav { display: flex; gap: 4px; }
header nav a { padding: 5px 12px; border-radius: 6px; color: var(--fg); text-decoration: none; }
header nav a.active { background: var(--sel); color: var(--accent); font-weight: 600; }
header nav small { color: var(--muted); font-weight: normal; }
.endpoints { margin-left: auto; font-size: 12px; }
button.live { border: 1px solid var(--line); background: var(--panel); color: var(--muted); border-radius: 12px; padding: 3px 10px; cursor: pointer; }
button.live.on { color: var(--good); }
main { flex: 1; min-height: 0; display: flex; flex-direction: column; padding: 10px 16px; gap: 8px; }
footer { padding: 4px 16px; font-size: 11px; border-top: 1px solid var(--line); }
a { color: var(--accent); }
.muted { color: var(--muted); }
.bad { color: var(--bad); font-weight: 600; }
.good { color: var(--good); }
.mono { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 12px; }
.error { color: var(--bad); background: color-mix(in srgb, var(--bad) 10%, transparent); padding: 8px 12px; border-radius: 6px; }
.scroll { overflow: auto; min-height: 0; }
.toolbar { display: flex; gap: 10px; align-items: center; }
.toolbar input[type=search] { width: 380px; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); color: var(--fg); }
.toolbar select { padding: 5px; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); color: var(--fg); }
table.grid { width: 100%; border-collapse: collapse; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
table.grid th { text-align: left; font-weight: 600; color: var(--muted); padding: 6px 10px; border-bottom: 1px solid var(--line); position: sticky; top: 0; background: var(--panel); }
table.grid td { padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
table.grid tbody tr:hover { background: var(--sel); cursor: pointer; }
tr.has-error td:first-child { box-shadow: inset 3px 0 var(--bad); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.dur { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.body { word-break: break-word; }
.minitrack { display: inline-block; width: 80px; height: 6px; margin-right: 6px; background: var(--line); border-radius: 3px; vertical-align: middle; }
.minibar { display: block; height: 100%; background: var(--accent); border-radius: 3px; }
.chip { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 11px; white-space: nowrap;
  background: hsl(var(--hue, 210) 70% 50% / 0.15); color: hsl(var(--hue, 210) 60% 40%); }
@media (prefers-color-scheme: dark) { .chip { color: hsl(var(--hue, 210) 70% 72%); } }
.pill { display: inline-block; margin: 0 4px 4px 0; padding: 1px 8px; border: 1px solid var(--line); border-radius: 10px; background: var(--panel); }
.trace-head h2 { margin: 4px 0 2px; font-size: 17px; }
.trace-head p { margin: 2px 0; }
.split { flex: 1; min-height: 0; display: flex; gap: 12px; }
.waterfall { flex: 1; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
.details { width: 440px; flex: none; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
.details h3 { margin: 0 0 6px; font-size: 15px; word-break: break-word; }
.details h4 { margin: 14px 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.span-row { display: grid; grid-template-columns: minmax(180px, 32%) 1fr 90px; align-items: center; min-height: 24px; border-bottom: 1px solid var(--line); cursor: pointer; }
.span-row:hover { background: var(--sel); }
.span-row.selected { background: var(--sel); box-shadow: inset 3px 0 var(--accent); }
.span-row.ruler { position: sticky; top: 0; background: var(--panel); color: var(--muted); cursor: default; z-index: 1; font-size: 11px; }
.span-row .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; padding-right: 8px; }
.span-row .track { position: relative; height: 24px; margin: 0 8px; }
.span-row .dur { text-align: right; padding-right: 10px; font-variant-numeric: tabular-nums; }
.bar { position: absolute; top: 6px; height: 12px; border-radius: 3px; background: hsl(var(--hue, 210) 65% 55%); }
.bar.error { background: var(--bad); }
.event-mark { position: absolute; top: 3px; width: 2px; height: 18px; background: var(--fg); opacity: .6; }
.tick { position: absolute; top: 4px; border-left: 1px solid var(--line); padding-left: 3px; }
table.kv { width: 100%; border-collapse: collapse; }
table.kv th { text-align: left; font-weight: 500; color: var(--muted); padding: 2px 8px 2px 0; width: 40%; vertical-align: top; word-break: break-all; }
table.kv td { padding: 2px 0; word-break: break-word; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; white-space: pre-wrap; }
ul.events, ul.links { padding-left: 16px; margin: 0; }
ul.events li, ul.links li { margin-bottom: 6px; word-break: break-all; }
.metric-list { width: 300px; flex: none; display: flex; flex-direction: column; gap: 2px; }
.metric-item { text-align: left; border: 1px solid transparent; background: none; color: var(--fg); padding: 6px 8px; border-radius: 6px; cursor: pointer; display: flex; flex-direction: column; }
.metric-item:hover { background: var(--sel); }
.metric-item.selected { background: var(--sel); border-color: var(--accent); }
.metric-panel { flex: 1; }
.metric-panel h2 { margin: 2px 0; font-size: 16px; }
figure { margin: 0 0 12px; padding: 8px 10px; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; max-width: 640px; }
figcaption { margin-bottom: 4px; }
.latest { font-weight: 600; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart .axis { stroke: var(--line); }
svg.chart .label { fill: var(--muted); font-size: 10px; }
svg.chart .line { fill: none; stroke: var(--accent); stroke-width: 1.8; }
svg.chart .dot { fill: var(--accent); }
.sev { display: inline-block; min-width: 48px; text-align: center; padding: 0 6px; border-radius: 4px; font-size: 11px; font-weight: 600; background: var(--line); }
.sev-WARN { background: #f5c04a; color: #3b2a00; }
.sev-ERROR, .sev-FATAL { background: var(--bad); color: #fff; }
.sev-INFO { background: color-mix(in srgb, var(--accent) 20%, transparent); color: var(--accent); }
tr.log-more td { background: var(--bg); }
`;
