// `npm run bench`: how fast the app draws, lays out and answers on graphs from 33 to 20,000 actors,
// next to bare Cytoscape (grid: the floor for drawing; fCoSE at its defaults) and sigma.js with
// ForceAtlas2 in a worker, all measured in the same run in headless Chromium. Prints medians and
// ratios as Markdown tables on stdout and progress on stderr. Not a test: it asserts nothing.
//
//   npm run bench -- --graphs curated,1k --runs 3 --subjects app,grid --timeout 60 --json out.json --screenshots dir
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM_ARGS } from '../cli/chromium';
import { findChromium } from '../cli/chromiumPath';
import { ensureChromium } from '../cli/ensureChromium';
import { KEY_LABELS, nodeKind, type KindKey } from '../core/model';
import type { GraphFile } from '../core/schema';
import { GRAPHS } from './graphs';
import { LIMITS, measureRun, type Limits } from './measureRun';
import type { LoadOptions } from './pages/protocol';
import { BENCH_PAGES_DIR } from './pages/vite.config';
import { graphNotes, graphTable, startupTable, type GraphReport } from './report';
import { app, SUBJECTS, type SubjectDef } from './subjects';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const log = (s: string) => process.stderr.write(`${s}\n`);

const { values: args } = parseArgs({
  options: {
    graphs: { type: 'string' },
    runs: { type: 'string' },
    subjects: { type: 'string' },
    json: { type: 'string' },
    screenshots: { type: 'string' },
    timeout: { type: 'string' },
  },
});
const pick = <T extends { name?: string; key?: string }>(
  all: T[],
  list: string | undefined,
  what: string,
) => {
  if (!list) return all;
  const names = list.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => !all.some((x) => (x.name ?? x.key) === n));
  if (unknown.length > 0) {
    log(`Unknown ${what}: ${unknown.join(', ')}. Known: ${all.map((x) => x.name ?? x.key).join(', ')}.`);
    process.exit(2);
  }
  return all.filter((x) => names.includes((x.name ?? x.key)!));
};
const graphs = pick(GRAPHS, args.graphs, 'graph');
const subjects = pick(SUBJECTS, args.subjects, 'subject');
const timeout = args.timeout === undefined ? undefined : Number(args.timeout);
if (timeout !== undefined && !(timeout > 0)) {
  log(`--timeout must be a number of seconds above 0, not "${args.timeout}".`);
  process.exit(2);
}
/** `--timeout s` sets the limit of the first picture, and of the final one to half as much again. */
const limits: Limits =
  timeout === undefined ? LIMITS : { ...LIMITS, picture: timeout * 1000, final: timeout * 1500 };
const runsOverride = args.runs === undefined ? undefined : Number(args.runs);
if (runsOverride !== undefined && !(Number.isInteger(runsOverride) && runsOverride > 0)) {
  log(`--runs must be a whole number above 0, not "${args.runs}".`);
  process.exit(2);
}

/** Newest modification time of the files under `dir`. */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  const st = statSync(dir);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(dir).map((f) => newest(join(dir, f))));
}

/** Builds the bare and sigma pages and the injected scripts, unless the build is newer than them. */
async function pagesDir(): Promise<string> {
  const built = join(BENCH_PAGES_DIR, 'probe.js');
  const sources = Math.max(newest(join(ROOT, 'src/bench/pages')), newest(join(ROOT, 'package-lock.json')));
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    log('Building the benchmark pages…');
    await build({ configFile: join(ROOT, 'src/bench/pages/vite.config.ts'), logLevel: 'warn' });
  }
  return BENCH_PAGES_DIR;
}

async function serve(outDir: string): Promise<PreviewServer> {
  return preview({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
}

async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium()!,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
}

/** The graph as every subject gets it, with a name of its own so no cache of the app knows it. */
function prepare(name: string, file: GraphFile): { text: string; options: LoadOptions } {
  const renamed = { ...file, id: `bench-${name}`, title: `Benchmark: ${name}` };
  const parents = new Set(file.nodes.flatMap((n) => (n.parent ? [n.parent] : [])));
  const leaf = file.nodes.find((n) => !parents.has(n.id)) ?? file.nodes[0]!;
  const counts = new Map<KindKey, number>();
  for (const n of file.nodes) counts.set(nodeKind(n), (counts.get(nodeKind(n)) ?? 0) + 1);
  const kind = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  return {
    text: JSON.stringify(renamed),
    options: { probeNodeId: leaf.id, filterKind: kind, filterLabel: KEY_LABELS[kind] },
  };
}

const measured = (v: unknown) => (typeof v === 'number' ? `${Math.round(v)} ms` : String(v));

ensureChromium();
const appBuild = await app.build(log);
const pages = await pagesDir();
const servers = { app: await serve(appBuild), pages: await serve(pages) };
const base = (s: SubjectDef) => servers[s.server].resolvedUrls!.local[0]!;
let browser = await launchBrowser();
const chromiumVersion = browser.version();
const started = new Date();
const loadAtStart = loadavg();

let webgl = 'unknown';
{
  const context = await browser.newContext();
  await context.addInitScript({ path: join(pages, 'probe.js') });
  const page = await context.newPage();
  await page.goto(new URL('bare.html', base(SUBJECTS[1]!)).href);
  webgl = await page.evaluate(() => window.__bench.webglRenderer());
  await context.close();
}

const firstGraph = readFileSync(join(ROOT, app.firstGraph), 'utf8');
const reports: GraphReport[] = [];
/** Subjects whose first picture timed out, with the graph: graphs at least as big are skipped. */
const gaveUp = new Map<string, { graph: string; nodes: number }>();
/** Subject@graph pairs that timed out: their further runs are skipped. */
const timedOut = new Set<string>();
const captured = new Set<string>();
try {
  for (const g of graphs) {
    log(`\n${g.name}: preparing…`);
    const file = g.load();
    const { text, options } = prepare(g.name, file);
    const report: GraphReport = {
      graph: g.name,
      nodes: file.nodes.length,
      edges: file.edges.length,
      runs: {},
      skipped: {},
    };
    reports.push(report);
    const runs = runsOverride ?? g.runs;
    for (let run = 1; run <= runs; run++) {
      // Subjects take turns within a run, so a noisy minute on the machine spreads over all of them.
      for (const s of subjects) {
        const earlier = gaveUp.get(s.key);
        if (earlier && earlier.graph !== g.name && earlier.nodes <= file.nodes.length) {
          report.skipped[s.key] = `its first picture timed out on ${earlier.graph}`;
          continue;
        }
        if (timedOut.has(`${s.key}@${g.name}`)) continue; // it would only time out again
        const prefix = `${g.name} · ${s.title} · run ${run}/${runs}:`;
        log(`${prefix} loading ${file.nodes.length} nodes, ${file.edges.length} edges`);
        const { result, stuck } = await measureRun({
          browser,
          subject: s,
          url: new URL(s.path, base(s)).href,
          text,
          options,
          firstGraph,
          limits,
          captureScripts: !captured.has(s.key),
          ...(args.screenshots && run === 1
            ? { screenshot: join(args.screenshots, `${g.name}-${s.key}.png`) }
            : {}),
          log: (m) => log(`${prefix} ${m}`),
        });
        if (result.scripts) captured.add(s.key);
        (report.runs[s.key] ??= []).push(result);
        log(
          `${prefix} picture ${measured(result.firstPicture)}, final ${measured(result.finalPicture)}, ` +
            `longest task ${measured(result.longestLayout)}${result.error ? `, error: ${result.error}` : ''}`,
        );
        if (result.firstPicture === 'timeout' && !gaveUp.has(s.key)) {
          gaveUp.set(s.key, { graph: g.name, nodes: file.nodes.length });
        }
        if (result.firstPicture === 'timeout' || result.finalPicture === 'timeout')
          timedOut.add(`${s.key}@${g.name}`);
        if (stuck) {
          log('The browser did not close a page in time; starting a new one.');
          await browser.close().catch(() => {});
          browser = await launchBrowser();
        }
      }
    }
  }
} finally {
  await browser.close().catch(() => {});
  await servers.app.close();
  await servers.pages.close();
}

const cpu = cpus();
const header = [
  `Speed of the app on ${started.toISOString().slice(0, 10)}, in headless Chromium ${chromiumVersion}`,
  `machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; ` +
    `load average ${loadAtStart.map((l) => l.toFixed(1)).join(' ')} at start, ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the end; Node ${process.version}`,
  `WebGL: ${webgl}`,
  `limits: first picture ${limits.picture / 1000} s, final picture ${limits.final / 1000} s, each interaction ${limits.interaction / 1000} s`,
];
const out: string[] = [header.join('\n'), '', startupTable(reports, subjects)];
const appScripts = reports.flatMap((r) => r.runs.app ?? []).find((r) => r.scripts)?.scripts;
if (appScripts) {
  out.push('', 'The app loads at start:', '');
  out.push('| script | size | gzip |', '| --- | ---: | ---: |');
  for (const s of [...appScripts].sort((a, b) => b.gzip - a.gzip)) {
    out.push(
      `| ${basename(new URL(s.url).pathname)} | ${Math.round(s.bytes / 1e3)} kB | ${Math.round(s.gzip / 1e3)} kB |`,
    );
  }
}
for (const r of reports) {
  out.push(
    '',
    `**${r.graph}** (${r.nodes.toLocaleString('en')} nodes, ${r.edges.toLocaleString('en')} edges)`,
    '',
  );
  out.push(graphTable(r, subjects));
  out.push('', ...graphNotes(r, subjects).map((n) => `- ${n}`));
}
process.stdout.write(`${out.join('\n')}\n`);
if (args.json) {
  writeFileSync(
    args.json,
    JSON.stringify({ started: started.toISOString(), header, limits, reports }, null, 2),
  );
  log(`Wrote ${args.json}.`);
}
