import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_COUNTS } from '../core/formats/fixtureCounts';
import { parseConvertArgs } from './convert';

const FIXTURES = 'src/core/formats/fixtures';
const out = mkdtempSync(join(tmpdir(), 'convert-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function run(
  script: string,
  ...args: string[]
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const CSV = [
  { file: 'csv/actors.edges.csv', nodes: 4, edges: 3 },
  { file: 'csv/kumu-connections.csv', nodes: 3, edges: 2 },
  { file: 'csv/edges.tsv', nodes: 3, edges: 2 },
];
const ALL = [...FIXTURE_COUNTS, ...CSV];
const nativeName = (file: string) => join(out, file.replace(/^.*\//, '').replace(/\.[^.]*$/, '') + '.json');

describe('npm run convert', () => {
  it('turns every fixture file into a native file that npm run validate accepts, with the same counts', async () => {
    const inputs = ALL.map((t) => `${FIXTURES}/${t.file}`);
    const converted = await run('convert', ...inputs, '--out-dir', out, '--to', 'json');
    expect(converted.status, converted.stderr).toBe(0);
    expect(converted.stdout.split('\n').filter((l) => l.startsWith('✓'))).toHaveLength(ALL.length);
    const validated = await run('validate', ...ALL.map((t) => nativeName(t.file)));
    expect(validated.stderr).toBe('');
    expect(validated.status).toBe(0);
    for (const t of ALL) {
      const line = validated.stdout
        .split('\n')
        .find((l) => l.includes(`/${nativeName(t.file).replace(/^.*\//, '')}:`));
      expect(line, t.file).toMatch(new RegExp(`: ${t.nodes} actors?, ${t.edges} relations?, `));
    }
  }, 120_000);

  it('writes CSV as <name>.nodes.csv and <name>.edges.csv, which validate opens as a pair', async () => {
    const r = await run(
      'convert',
      `${FIXTURES}/graphology/les_miserables.gexf`,
      '--out',
      join(out, 'les.csv'),
    );
    expect(r.status).toBe(0);
    expect(existsSync(join(out, 'les.nodes.csv')) && existsSync(join(out, 'les.edges.csv'))).toBe(true);
    expect(readFileSync(join(out, 'les.nodes.csv'), 'utf8')).toMatch(/^Id,Label,/);
    const v = await run('validate', join(out, 'les.edges.csv'));
    expect(v.stdout).toMatch(/: 77 actors, 254 relations/);
  }, 60_000);

  it('a broken file exits 1 with its located errors, and writes nothing', async () => {
    const target = join(out, 'missing.json');
    const r = await run('convert', `${FIXTURES}/graphology/missing_nodes.gexf`, '--out', target);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /missing_nodes\.gexf:13:\d+ edges\[0\]\.source: source "2" is not a node in this file \(missing-node\)/,
    );
    expect(existsSync(target)).toBe(false);
  }, 60_000);

  it('a CSV edges file takes its nodes file from --nodes', async () => {
    const r = await run(
      'convert',
      `${FIXTURES}/csv/kumu-connections.csv`,
      '--nodes',
      `${FIXTURES}/csv/actors.nodes.csv`,
      '--out',
      join(out, 'mixed.gexf'),
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('7 nodes, 2 edges');
  }, 60_000);
});

describe('convert arguments', () => {
  it('takes the output format from the extension', () => {
    expect(parseConvertArgs(['a.gexf', '--out', 'b.graphml'])).toMatchObject({
      ok: true,
      jobs: [{ input: 'a.gexf', out: 'b.graphml', format: 'graphml' }],
    });
    expect(parseConvertArgs(['a.csv', '--nodes', 'n.csv', '-o', 'b.cyjs'])).toMatchObject({
      jobs: [{ format: 'cytoscape', nodes: 'n.csv' }],
    });
    expect(parseConvertArgs(['x/a.gexf', 'b.graphml', '--out-dir', 'o', '--to', 'csv'])).toMatchObject({
      jobs: [
        { input: 'x/a.gexf', out: 'o/a.csv', format: 'csv' },
        { input: 'b.graphml', out: 'o/b.csv', format: 'csv' },
      ],
    });
  });

  it('says what is wrong with a command line', () => {
    expect(parseConvertArgs(['a.gexf'])).toEqual({ ok: false, error: '--out is required' });
    expect(parseConvertArgs(['a.gexf', '--out', 'b.png'])).toMatchObject({ ok: false });
    expect(parseConvertArgs(['--out', 'b.json'])).toMatchObject({ ok: false });
    expect(parseConvertArgs(['a/x.gexf', 'b/x.csv', '--out-dir', 'o', '--to', 'json'])).toMatchObject({
      ok: false,
    });
    expect(parseConvertArgs(['a.gexf', '--out-dir', 'o'])).toMatchObject({ ok: false });
    expect(parseConvertArgs(['a.gexf', '--out', 'b.constructor'])).toMatchObject({ ok: false });
  });
});
