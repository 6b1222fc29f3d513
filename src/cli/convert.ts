// `npm run convert -- <input> [--nodes <nodes.csv>] --out <file>`: converts a graph file between the
// supported formats (native JSON, Cytoscape JSON, GEXF, GraphML, CSV). The output's extension picks
// the format (or `--out-dir` with `--to` converts many files); CSV output is two files,
// `<name>.nodes.csv` and `<name>.edges.csv`. A bad input exits 1 with every located problem (the
// other inputs are still converted); a bad command line exits 2.
import { writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { FORMATS, formatWarning, type FormatId } from '../core/formats/load';
import { saveGraph } from '../core/formats/save';
import { formatIssue } from '../core/validate';
import { openGraphFile } from './openFile';

export const USAGE = `Usage: npm run convert -- <input> [--nodes <nodes.csv>] --out <file.json|.cyjs|.gexf|.graphml|.csv>
       npm run convert -- <inputs…> --out-dir <folder> --to json|cyjs|gexf|graphml|csv

Converts a graph file between Actor Graph JSON, Cytoscape JSON, GEXF, GraphML and CSV.
The input's format is recognised from its extension and content; a CSV input is the edges file,
and its nodes file comes with --nodes (a <name>.edges.csv finds <name>.nodes.csv by itself).
CSV output writes <name>.nodes.csv and <name>.edges.csv.

  -o, --out <file>          where to write; the extension picks the format
      --out-dir <folder>    convert every input into this folder, named after the input
      --to <extension>      the format written with --out-dir
      --nodes <file>        the nodes file of a CSV edges file
      --add-missing-nodes   add nodes that edges name but the file does not declare
      --strict              hold the input to the curated rules (evidence for every claim)
  -h, --help                this text`;

const OUT_FORMATS: Record<string, FormatId> = {
  json: 'native',
  cyjs: 'cytoscape',
  gexf: 'gexf',
  graphml: 'graphml',
  xml: 'graphml',
  csv: 'csv',
};

/** One conversion: an input (with its CSV nodes file) and the output path whose extension says the format. */
export interface Job {
  input: string;
  nodes?: string;
  out: string;
  format: FormatId;
}

export type ConvertArgs =
  | { ok: true; jobs: Job[]; addMissingNodes: boolean; strict: boolean }
  | { ok: true; help: true }
  | { ok: false; error: string };

function formatOf(path: string): FormatId | undefined {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return Object.hasOwn(OUT_FORMATS, ext) ? OUT_FORMATS[ext] : undefined;
}

/** Reads the command line; pure. */
export function parseConvertArgs(argv: string[]): ConvertArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        'out-dir': { type: 'string' },
        to: { type: 'string' },
        nodes: { type: 'string' },
        'add-missing-nodes': { type: 'boolean' },
        strict: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, help: true };
  const common = { addMissingNodes: values['add-missing-nodes'] ?? false, strict: values.strict ?? false };
  if (values['out-dir'] !== undefined) {
    const format = formatOf(`x.${values.to ?? ''}`);
    if (!format) return { ok: false, error: '--out-dir needs --to json, cyjs, gexf, graphml or csv' };
    if (positionals.length === 0) return { ok: false, error: 'name at least one input file' };
    if (values.nodes !== undefined && positionals.length > 1)
      return { ok: false, error: '--nodes goes with a single CSV input' };
    const jobs = positionals.map((input) => ({
      input,
      nodes: values.nodes,
      format,
      out: join(values['out-dir']!, `${basename(input).replace(/\.[^.]*$/, '')}.${values.to!.toLowerCase()}`),
    }));
    const outs = new Set<string>();
    for (const j of jobs) {
      if (outs.has(j.out)) return { ok: false, error: `two inputs would both be written to ${j.out}` };
      outs.add(j.out);
    }
    return { ok: true, jobs, ...common };
  }
  if (positionals.length !== 1) return { ok: false, error: 'name exactly one input file (or use --out-dir)' };
  if (!values.out) return { ok: false, error: '--out is required' };
  const format = formatOf(values.out);
  if (!format) {
    return {
      ok: false,
      error: `cannot tell the output format from "${values.out}": use .json, .cyjs, .gexf, .graphml or .csv`,
    };
  }
  return {
    ok: true,
    jobs: [{ input: positionals[0]!, nodes: values.nodes, out: values.out, format }],
    ...common,
  };
}

/** Converts one file; returns whether it worked. Problems go to stderr, what was written to stdout. */
function convert(job: Job, options: { addMissingNodes: boolean; strict: boolean }): boolean {
  const opened = openGraphFile(job.input, { nodesPath: job.nodes, ...options });
  if ('unreadable' in opened) {
    console.error(`${opened.name}: cannot read: ${opened.unreadable}`);
    return false;
  }
  const { result } = opened;
  if (!result.ok) {
    console.error(
      `✗ ${opened.name}: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}`,
    );
    for (const issue of result.issues) console.error(`  ${formatIssue(issue)}`);
    return false;
  }
  for (const w of result.warnings) console.error(`  ${formatWarning(w)}`);
  const base = basename(job.out).replace(/\.[^.]*$/, '');
  const files = saveGraph(result.graph.file, job.format, { baseName: base });
  const written: string[] = [];
  for (const f of files) {
    const path = join(dirname(job.out), f.name);
    try {
      writeFileSync(path, f.text);
    } catch (err) {
      console.error(`cannot write ${path}: ${(err as Error).message}`);
      return false;
    }
    written.push(path);
  }
  const { nodes, edges } = result.graph.file;
  console.log(
    `✓ ${opened.name} (${FORMATS[result.format].label}) → ${written.join(' and ')}: ${nodes.length} nodes, ${edges.length} edges`,
  );
  return true;
}

function main(): number {
  const args = parseConvertArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(`convert: ${args.error}\n\n${USAGE}`);
    return 2;
  }
  if ('help' in args) {
    console.log(USAGE);
    return 0;
  }
  let failed = 0;
  for (const job of args.jobs) if (!convert(job, args)) failed++;
  return failed > 0 ? 1 : 0;
}

if (process.argv[1]?.endsWith('convert.ts')) process.exit(main());
