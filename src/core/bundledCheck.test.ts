import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledGraphProblems } from './bundledCheck';
import { readCheckedGraph } from './graphIndex';
import { loadGraphText } from './validate';

const names = readdirSync('graph').filter((n) => n.endsWith('.json') && n !== 'schema.json');

describe('the check bundled graphs pass at build time', () => {
  it.each(names)('passes graph/%s, and reading it unchecked gives what validation gives', (name) => {
    const text = readFileSync(`graph/${name}`, 'utf8');
    expect(bundledGraphProblems(text, `graph/${name}`)).toEqual([]);
    const checked = loadGraphText(text, name, { strict: true });
    expect(checked.ok && readCheckedGraph(text)).toEqual(checked.ok && checked.graph);
  });

  it('refuses a file with an unsourced claim, saying where', () => {
    const raw = JSON.parse(readFileSync('graph/sample-abu-kamal-strikes.json', 'utf8'));
    raw.edges[0].evidence = [];
    const problems = bundledGraphProblems(JSON.stringify(raw, null, 2), 'graph/bad.json');
    expect(problems.join('\n')).toMatch(/^graph\/bad\.json:\d+:\d+ edges\[0\]\.evidence/m);
  });

  it('refuses a file whose data validation would change', () => {
    const raw = JSON.parse(readFileSync('graph/sample-abu-kamal-strikes.json', 'utf8'));
    raw.nodes[0].label = '  Padded  ';
    // Valid (labels are trimmed), but the page would show the label as the file has it.
    expect(loadGraphText(JSON.stringify(raw), 'padded.json', { strict: true }).ok).toBe(true);
    expect(bundledGraphProblems(JSON.stringify(raw), 'graph/padded.json')).toEqual([
      "graph/padded.json: validation changes this file's data, so the page could not read it as it is",
    ]);
  });
});
