// `npm run validate [files…]`: checks graph files (default: every .json in graph/ but the schema)
// and prints every problem with file, line and path; exits 1 when any file has problems.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatIssue, loadGraphText } from '../core/validate';

const args = process.argv.slice(2);
const files =
  args.length > 0
    ? args
    : readdirSync('graph')
        .filter((f) => f.endsWith('.json') && f !== 'schema.json')
        .map((f) => join('graph', f));

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
  const result = loadGraphText(text, name);
  if (result.ok) {
    const { nodes, edges, sources } = result.graph.file;
    console.log(`✓ ${name}: ${nodes.length} actors, ${edges.length} relations, ${sources.length} sources`);
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
