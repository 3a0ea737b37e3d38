/**
 * bench/bundle prints the size of every chunk in dist/ (run `npm run build` first): raw and
 * gzip bytes, and what loads it — the first page load (referenced by index.html and its static
 * imports), a lazy import, or a worker. It asserts nothing; the budget is first-load
 * JS ≤ 180 KB gzip, with Monaco in one lazy chunk.
 *
 * Usage: npm run build && npx tsx bench/bundle.ts [distDir]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** staticImports lists the chunks a JS file imports statically (`from"./x.js"`, `import"./x.js"`). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)].map((m) => m[1]);
}

const files = walk(dist).filter((f) => /\.(js|css|html|wasm)$/.test(f));
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const firstLoad = new Set<string>();
const queue = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]);
while (queue.length) {
  const rel = queue.shift()!;
  if (firstLoad.has(rel)) continue;
  firstLoad.add(rel);
  if (rel.endsWith('.js')) for (const dep of staticImports(readFileSync(join(dist, rel), 'utf8'))) queue.push(`assets/${dep}`);
}

const rows = files
  .map((f) => {
    const rel = relative(dist, f);
    const data = readFileSync(f);
    const kind = rel === 'index.html' || firstLoad.has(rel) ? 'first load' : /worker/.test(rel) ? 'worker' : rel === 'sw.js' ? 'service worker' : 'lazy';
    return { rel, raw: data.length, gzip: gzipSync(data, { level: 9 }).length, kind };
  })
  .sort((a, b) => a.kind.localeCompare(b.kind) || b.gzip - a.gzip);

const kb = (n: number) => (n / 1024).toFixed(1).padStart(8);
console.log(`${'chunk'.padEnd(48)}${'raw KB'.padStart(8)}${'gzip KB'.padStart(9)}  loaded`);
for (const r of rows) console.log(`${r.rel.padEnd(48)}${kb(r.raw)} ${kb(r.gzip)}  ${r.kind}`);
const sum = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).reduce((s, r) => s + r.gzip, 0);
console.log('');
console.log(`first-load JS (gzip): ${kb(sum((r) => r.kind === 'first load' && r.rel.endsWith('.js')))} KB   (budget 180 KB)`);
console.log(`first-load CSS (gzip):${kb(sum((r) => r.kind === 'first load' && r.rel.endsWith('.css')))} KB`);
console.log(`lazy JS chunks:        ${rows.filter((r) => r.kind === 'lazy' && r.rel.endsWith('.js')).map((r) => r.rel).join(', ')}`);
console.log(`workers (gzip):       ${kb(sum((r) => r.kind === 'worker'))} KB`);
