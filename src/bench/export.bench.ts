// `npm run bench:export`: how long exports of the curated graph take in headless Chromium — PNG at
// 1×, 4× and 8×, JPG, SVG and PDF — as medians over several runs, with ratios to PNG 1× measured in
// the same run. Not a test: it prints numbers and asserts nothing.
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { preview } from 'vite';
import type { ExportOptions } from '../export/options';
import { launch } from '../cli/chromium';
import { ensureChromium } from '../cli/ensureChromium';
import { appDir, renderInPage } from '../cli/render';

const GRAPH = 'graph/us-iran-2023-10.json';
const BASE: ExportOptions = {
  format: 'png',
  scope: 'graph',
  size: { mode: 'scale', scale: 1 },
  background: 'white',
  legend: true,
  caption: true,
  date: true,
};
const CASES: [string, ExportOptions, number][] = [
  ['PNG 1×', BASE, 7],
  ['PNG 4×', { ...BASE, size: { mode: 'scale', scale: 4 } }, 5],
  ['PNG 8×', { ...BASE, size: { mode: 'scale', scale: 8 } }, 3],
  ['JPG 4×', { ...BASE, format: 'jpg', size: { mode: 'scale', scale: 4 } }, 5],
  ['SVG', { ...BASE, format: 'svg' }, 7],
  [
    'PDF A4 (vector)',
    { ...BASE, format: 'pdf', size: { mode: 'paper', paper: 'a4', orientation: 'auto', dpi: 300 } },
    5,
  ],
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

ensureChromium();
const dir = await appDir((s) => console.log(s));
const server = await preview({
  logLevel: 'warn',
  build: { outDir: dir },
  preview: { port: 0, host: '127.0.0.1' },
});
const session = await launch();
try {
  const page = await session.context.newPage();
  const text = readFileSync(GRAPH, 'utf8');
  const id = (JSON.parse(text) as { id: string }).id;
  await renderInPage(page, server.resolvedUrls!.local[0]!, { text, name: GRAPH }, `g=${id}`, BASE); // warm-up
  const rows: { name: string; ms: number; size: string; bytes: number; runs: number }[] = [];
  for (const [name, options, runs] of CASES) {
    const times: number[] = [];
    let last = { width: 0, height: 0, bytes: 0 };
    for (let i = 0; i < runs; i++) {
      const r = await page.evaluate(async (o) => {
        const hooks = window as unknown as {
          actorGraphExport(o: unknown): Promise<{ width: number; height: number; bytes: Uint8Array }>;
        };
        const t0 = performance.now();
        const out = await hooks.actorGraphExport(o);
        return {
          ms: performance.now() - t0,
          width: out.width,
          height: out.height,
          bytes: out.bytes.byteLength,
        };
      }, options);
      times.push(r.ms);
      last = r;
    }
    const unit = options.format === 'pdf' ? 'pt' : 'px';
    rows.push({
      name,
      ms: median(times),
      size: `${Math.round(last.width)}×${Math.round(last.height)} ${unit}`,
      bytes: last.bytes,
      runs,
    });
  }
  const base = rows[0]!.ms;
  console.log(`\nExport times of ${GRAPH} (median of n runs, headless Chromium, in-page)`);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
  );
  console.log('| export | size | file | median | × PNG 1× | n |');
  console.log('| --- | --- | --- | ---: | ---: | ---: |');
  for (const r of rows) {
    const mb = r.bytes / 2 ** 20;
    const file = mb >= 1 ? `${mb.toFixed(1)} MB` : `${Math.round(r.bytes / 1024)} KB`;
    console.log(
      `| ${r.name} | ${r.size} | ${file} | ${Math.round(r.ms)} ms | ${(r.ms / base).toFixed(r.ms < base / 10 ? 2 : 1)} | ${r.runs} |`,
    );
  }
} finally {
  await session.close();
  await server.close();
}
