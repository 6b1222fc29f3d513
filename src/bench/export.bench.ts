// `npm run bench:export`: how long exports take in headless Chromium, as medians over several runs
// with ratios to the first row of each graph, measured in the same run: the curated graph (PNG at
// 1×, 4× and 8×, JPG, SVG and PDF) and a generated graph of 20,000 actors (the viewport at 1× and 4×,
// the whole graph 8,000 px wide, both tiled, and SVG), with how long each took to open and settle.
// Not a test: it prints numbers and asserts nothing.
//
//   npm run bench:export -- --graphs curated,20k
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { preview } from 'vite';
import type { ExportOptions } from '../export/options';
import { launch } from '../cli/chromium';
import { ensureChromium } from '../cli/ensureChromium';
import { appDir, exportInPage } from '../cli/render';
import { generateGraph } from './generateGraph';

const BASE: ExportOptions = {
  format: 'png',
  scope: 'graph',
  size: { mode: 'scale', scale: 1 },
  background: 'white',
  legend: true,
  caption: true,
  date: true,
};

interface Suite {
  key: string;
  title: string;
  text: () => string;
  /** The view to open it in; the large graph is laid out by the app's circle layout, not fCoSE. */
  query: (id: string) => string;
  cases: [string, ExportOptions, number][];
}

const LARGE = 20_000;
const SUITES: Suite[] = [
  {
    key: 'curated',
    title: 'graph/us-iran-2023-10.json (33 actors, 90 relations)',
    text: () => readFileSync('graph/us-iran-2023-10.json', 'utf8'),
    query: (id) => `g=${id}`,
    cases: [
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
    ],
  },
  {
    key: '20k',
    title: `a generated graph of ${LARGE.toLocaleString('en')} actors (src/bench/generateGraph.ts, seed 1), circle layout`,
    text: () => JSON.stringify(generateGraph({ nodes: LARGE, seed: 1 })),
    query: (id) => `g=${id}&layout=circle`,
    cases: [
      ['PNG viewport 1×', { ...BASE, scope: 'viewport' }, 3],
      ['PNG viewport 4× (tiled)', { ...BASE, scope: 'viewport', size: { mode: 'scale', scale: 4 } }, 1],
      ['PNG whole graph, 8000 px wide (tiled)', { ...BASE, size: { mode: 'pixels', width: 8000 } }, 1],
      ['SVG whole graph', { ...BASE, format: 'svg' }, 1],
    ],
  },
];

const { values: args } = parseArgs({ options: { graphs: { type: 'string' } } });
const chosen = args.graphs ? args.graphs.split(',').map((s) => s.trim()) : SUITES.map((s) => s.key);
const unknown = chosen.filter((k) => !SUITES.some((s) => s.key === k));
if (unknown.length > 0) {
  console.error(`Unknown graphs: ${unknown.join(', ')}. Known: ${SUITES.map((s) => s.key).join(', ')}.`);
  process.exit(2);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const time = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

ensureChromium();
const dir = await appDir((s) => console.error(s));
const server = await preview({
  logLevel: 'warn',
  build: { outDir: dir },
  preview: { port: 0, host: '127.0.0.1' },
});
const session = await launch();
const load = loadavg();
const openings: string[] = [];
try {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}, load average at start ${load.map((l) => l.toFixed(1)).join(' ')}`,
  );
  for (const suite of SUITES.filter((s) => chosen.includes(s.key))) {
    const page = await session.context.newPage();
    const text = suite.text();
    const id = (JSON.parse(text) as { id: string }).id;
    console.error(`Opening ${suite.title}…`);
    // Opens the graph as the app does, timing when every actor is drawn (the quick placement) and
    // when the worker's layout and the last lines are in, then makes a first (warm-up) export.
    await page.goto(new URL(`?${suite.query(id)}`, server.resolvedUrls!.local[0]!).href);
    await page.waitForFunction(() => 'actorGraphLoad' in window);
    const nodes = (JSON.parse(text) as { nodes: unknown[] }).nodes.length;
    const t0 = Date.now();
    // The function runs in the page: everything it uses is passed in.
    const loaded = await page.evaluate(
      ([t, name, q]) =>
        (
          window as unknown as {
            actorGraphLoad(text: string, name: string, query: string): { ok: boolean; issues: string[] };
          }
        ).actorGraphLoad(t, name, q),
      [text, `${suite.key}.json`, suite.query(id)] as const,
    );
    if (!loaded.ok) throw new Error(`the app could not load ${suite.key}: ${loaded.issues.join('; ')}`);
    const parsed = Date.now() - t0;
    await page.waitForFunction(
      (n) =>
        (window as unknown as { actorGraphView?: { counts(): { nodes: number } } }).actorGraphView?.counts()
          .nodes === n,
      nodes,
      { timeout: 0, polling: 250 },
    );
    const drawn = Date.now() - t0;
    await page.evaluate(() =>
      (window as unknown as { actorGraphReady(ms: number): Promise<void> }).actorGraphReady(3_600_000),
    );
    const settled = Date.now() - t0;
    const warm = Date.now();
    await exportInPage(page, { ...BASE, scope: 'viewport' });
    openings.push(
      `| ${suite.key} | ${time(parsed)} | ${time(drawn)} | ${time(settled)} | ${time(Date.now() - warm)} |`,
    );
    console.error(`  opened: ${openings.at(-1)}`);
    const rows: { name: string; ms: number; size: string; bytes: number; runs: number }[] = [];
    for (const [name, options, runs] of suite.cases) {
      console.error(`  ${name}…`);
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
      // Said as each finishes: on a large graph the whole table can take many minutes.
      console.error(
        `  ${name}: ${time(median(times))}, ${Math.round(last.width)}×${Math.round(last.height)}`,
      );
      const unit = options.format === 'pdf' ? 'pt' : 'px';
      rows.push({
        name,
        ms: median(times),
        size: `${Math.round(last.width)}×${Math.round(last.height)} ${unit}`,
        bytes: last.bytes,
        runs,
      });
    }
    await page.close();
    const base = rows[0]!;
    console.log(`\nExport times of ${suite.title} (median of n runs, headless Chromium, in-page)\n`);
    console.log(`| export | size | file | median | × ${base.name} | n |`);
    console.log('| --- | --- | --- | ---: | ---: | ---: |');
    for (const r of rows) {
      const mb = r.bytes / 2 ** 20;
      const file = mb >= 1 ? `${mb.toFixed(1)} MB` : `${Math.round(r.bytes / 1024)} KB`;
      const ratio = r.ms / base.ms;
      console.log(
        `| ${r.name} | ${r.size} | ${file} | ${time(r.ms)} | ${ratio.toFixed(ratio < 0.1 ? 2 : 1)} | ${r.runs} |`,
      );
    }
  }
  console.log(
    '\nOpening (from the load call: parsed and handed over, every actor drawn, layout and lines done) and the first export\n',
  );
  console.log('| graph | loaded | drawn | settled | first viewport PNG |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const row of openings) console.log(row);
} finally {
  await session.close();
  await server.close();
}
