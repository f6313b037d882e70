// Prints one markdown table from lspprobe result files (bench/run-probe.sh): one column per server.
import { readFileSync } from 'node:fs';

const runs = process.argv.slice(2).map((f) => {
  try { return JSON.parse(readFileSync(f, 'utf8')); } catch { return null; }
}).filter(Boolean);
const fmt = (s, key = 'p50') => (s && s.n ? `${s[key]}` : '–');
const pair = (s) => (s && s.n ? `${s.p50} / ${s.p95}` : '–');
const rows = [
  ['spawn → initialize result (p50 ms)', (a) => fmt(a.spawnToInitializeMs)],
];
const files = [...new Set(runs.flatMap((r) => (r.aggregate.open || []).map((o) => o.file)))];
for (const f of files) {
  rows.push([`open → first diagnostics, ${f} (p50 ms)`, (a) => fmt((a.open || []).find((o) => o.file === f)?.openToFirstDiagMs)]);
}
for (const f of files) {
  rows.push([`edit → diagnostics, ${f} (p50 / p95 ms)`, (a) => pair((a.editToDiagMs || []).find((o) => o.file === f))]);
}
rows.push(['hover, all samples (p50 / p95 ms)', (a) => pair(a.hover?.all)]);
for (const c of ['newTerm', 'afterDot', 'inParen', 'priorityValue']) {
  rows.push([`completion ${c} (p50 / p95 ms)`, (a) => pair(a.completion?.[c])]);
}
rows.push(['documentSymbol (p50 / p95 ms)', (a) => pair(Array.isArray(a.symbols) ? a.symbols[0] : a.symbols)]);
rows.push(['codeLens (p50 / p95 ms)', (a) => pair(Array.isArray(a.codeLens) ? a.codeLens[0] : a.codeLens)]);
rows.push(['semanticTokens (p50 / p95 ms)', (a) => pair(Array.isArray(a.semanticTokens) ? a.semanticTokens[0] : a.semanticTokens)]);
rows.push(['RSS after the probe (MiB)', (a) => fmt(a.memory?.rssMiB)]);
rows.push(['server CPU time (ms)', (a) => fmt(a.memory?.cpuMs)]);

const labels = runs.map((r) => r.label || r.args?.label || '?');
console.log(`| measure | ${labels.join(' | ')} |`);
console.log(`|---|${labels.map(() => '---').join('|')}|`);
for (const [name, get] of rows) {
  console.log(`| ${name} | ${runs.map((r) => get(r.aggregate)).join(' | ')} |`);
}
