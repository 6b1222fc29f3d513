// `npm run validate [--strict] [--nodes <nodes.csv>] [files…]`: checks graph files of any supported
// format (default: every .json in graph/ but the schema, held to the curated rules) and prints every
// problem with file, line and path; exits 1 when any file has problems. `--strict` holds the named
// files to the curated rules too. A CSV edges file takes its nodes file from `--nodes`, or finds
// `<name>.nodes.csv` beside `<name>.edges.csv`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FORMATS, formatWarning } from '../core/formats/load';
import { readsAsWritten } from '../core/bundledCheck';
import { formatIssue } from '../core/validate';
import { openGraphFile } from './openFile';

const { values, positionals: named } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { strict: { type: 'boolean' }, nodes: { type: 'string' } },
});
// The curated graphs in graph/ must source every claim, whatever a file says of itself.
const strict = values.strict === true || named.length === 0;
const files =
  named.length > 0
    ? named
    : readdirSync('graph')
        .filter((f) => f.endsWith('.json') && f !== 'schema.json')
        .map((f) => join('graph', f));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

let failed = 0;
for (const path of files) {
  const opened = openGraphFile(path, { strict, nodesPath: values.nodes });
  if ('unreadable' in opened) {
    console.error(`${opened.name}: cannot read: ${opened.unreadable}`);
    failed++;
    continue;
  }
  const { name, result } = opened;
  // A curated graph is bundled into the app, which reads it as written: validation must not change it.
  const unchanged =
    named.length === 0 && result.ok
      ? readsAsWritten(result.graph.file, readFileSync(path, 'utf8'), path)
      : [];
  if (unchanged.length > 0) {
    failed++;
    console.error(`✗ ${name}: valid, but cannot be bundled as it is`);
    for (const line of unchanged) console.error(`  ${line}`);
  } else if (result.ok) {
    const { nodes, edges, sources } = result.graph.file;
    const format = result.format === 'native' ? '' : ` (${FORMATS[result.format].label})`;
    console.log(
      `✓ ${name}${format}: ${plural(nodes.length, 'actor')}, ${plural(edges.length, 'relation')}, ${plural(sources.length, 'source')}`,
    );
    for (const w of result.warnings) console.log(`  ${formatWarning(w)}`);
  } else {
    failed++;
    console.error(`✗ ${name}: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}`);
    for (const issue of result.issues) console.error(`  ${formatIssue(issue)}`);
  }
}
if (failed > 0) {
  console.error(`\n${failed} of ${files.length} file${files.length === 1 ? '' : 's'} failed validation.`);
  process.exit(1);
}
