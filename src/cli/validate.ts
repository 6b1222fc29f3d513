// `npm run validate [--strict] [files…]`: checks graph files (default: every .json in graph/ but the
// schema, held to the curated rules) and prints every problem with file, line and path; exits 1 when
// any file has problems. `--strict` holds the named files to the curated rules too.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatIssue, loadGraphText } from '../core/validate';

const args = process.argv.slice(2);
const named = args.filter((a) => a !== '--strict');
// The curated graphs in graph/ must source every claim, whatever a file says of itself.
const strict = args.includes('--strict') || named.length === 0;
const files =
  named.length > 0
    ? named
    : readdirSync('graph')
        .filter((f) => f.endsWith('.json') && f !== 'schema.json')
        .map((f) => join('graph', f));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

let failed = 0;
for (const path of files) {
  const name = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    console.error(`${name}: cannot read: ${(err as Error).message}`);
    failed++;
    continue;
  }
  const result = loadGraphText(text, name, { strict });
  if (result.ok) {
    const { nodes, edges, sources } = result.graph.file;
    console.log(
      `✓ ${name}: ${plural(nodes.length, 'actor')}, ${plural(edges.length, 'relation')}, ${plural(sources.length, 'source')}`,
    );
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
