// `npm run convert -- <input> [--nodes <nodes.csv>] --out <file>`: converts a graph file between the
// supported formats (native JSON, Cytoscape JSON, GEXF, GraphML, CSV). The output's extension picks
// the format; CSV output is two files, `<name>.nodes.csv` and `<name>.edges.csv`. A bad input exits
// 1 with every located problem; a bad command line exits 2.
import { writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatWarning, type FormatId } from '../core/formats/load';
import { saveGraph } from '../core/formats/save';
import { formatIssue } from '../core/validate';
import { openGraphFile } from './openFile';

export const USAGE = `Usage: npm run convert -- <input> [--nodes <nodes.csv>] --out <file.json|.cyjs|.gexf|.graphml|.csv>

Converts a graph file between Actor Graph JSON, Cytoscape JSON, GEXF, GraphML and CSV.
The input's format is recognised from its extension and content; a CSV input is the edges file,
and its nodes file comes with --nodes (a <name>.edges.csv finds <name>.nodes.csv by itself).
CSV output writes <name>.nodes.csv and <name>.edges.csv.

  -o, --out <file>          where to write; the extension picks the format
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

export type ConvertArgs =
  | {
      ok: true;
      input: string;
      out: string;
      format: FormatId;
      nodes?: string;
      addMissingNodes: boolean;
      strict: boolean;
    }
  | { ok: true; help: true }
  | { ok: false; error: string };

/** Reads the command line; pure. */
export function parseConvertArgs(argv: string[]): ConvertArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
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
  if (positionals.length !== 1) return { ok: false, error: 'name exactly one input file' };
  if (!values.out) return { ok: false, error: '--out is required' };
  const ext = /\.([^./\\]+)$/.exec(values.out)?.[1]?.toLowerCase() ?? '';
  const format = OUT_FORMATS[ext];
  if (!format) {
    return {
      ok: false,
      error: `cannot tell the output format from "${values.out}": use .json, .cyjs, .gexf, .graphml or .csv`,
    };
  }
  return {
    ok: true,
    input: positionals[0]!,
    out: values.out,
    format,
    nodes: values.nodes,
    addMissingNodes: values['add-missing-nodes'] ?? false,
    strict: values.strict ?? false,
  };
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
  const opened = openGraphFile(args.input, {
    nodesPath: args.nodes,
    addMissingNodes: args.addMissingNodes,
    strict: args.strict,
  });
  if ('unreadable' in opened) {
    console.error(`${opened.name}: cannot read: ${opened.unreadable}`);
    return 1;
  }
  const { result } = opened;
  if (!result.ok) {
    console.error(
      `✗ ${opened.name}: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}`,
    );
    for (const issue of result.issues) console.error(`  ${formatIssue(issue)}`);
    return 1;
  }
  for (const w of result.warnings) console.error(`  ${formatWarning(w)}`);
  const base = basename(args.out).replace(/\.[^.]*$/, '');
  const files = saveGraph(result.graph.file, args.format, { baseName: base });
  for (const f of files) {
    const path = join(dirname(args.out), f.name);
    try {
      writeFileSync(path, f.text);
    } catch (err) {
      console.error(`cannot write ${path}: ${(err as Error).message}`);
      return 1;
    }
    const { nodes, edges } = result.graph.file;
    console.log(
      `✓ ${opened.name} (${result.format}) → ${path}: ${nodes.length} nodes, ${edges.length} edges`,
    );
  }
  return 0;
}

if (process.argv[1]?.endsWith('convert.ts')) process.exit(main());
