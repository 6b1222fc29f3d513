import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const validate = (...files: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/validate.ts', ...files], { encoding: 'utf8' });

// Each test starts a tsx process; on a busy two-core machine that alone can take seconds.
describe('npm run validate', { timeout: 30_000 }, () => {
  it('prints a dangling edge, a duplicate id and an unknown relation, with paths, and fails', () => {
    const run = validate('src/core/fixtures/three-problems.json');
    expect(run.status).toBe(1);
    const lines = run.stderr
      .split('\n')
      .filter((l) => l.startsWith('  src/core/fixtures/three-problems.json:'));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /:\d+:\d+ nodes\[3\]\.id: id "united-states" is already used at nodes\[0\]\.id \(duplicate-id\)$/,
    );
    expect(lines[1]).toMatch(
      /:\d+:\d+ edges\[0\]\.target: target "hezbollah" is not a node in this file \(missing-node\)$/,
    );
    expect(lines[2]).toMatch(
      /:\d+:\d+ edges\[1\]\.relation: unknown relation "nukes"; .* \(unknown-relation\)$/,
    );
    expect(run.stderr).toContain('1 of 1 file failed validation.');
  });

  it('prints a javascript: link and a control character in a label, with paths, and fails', () => {
    const run = validate('src/core/fixtures/unsafe-url-and-control-character.json');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /:\d+:\d+ sources\[0\]\.url: "javascript:alert\(document\.cookie\)" is a javascript: link; only http and https links are allowed \(unsafe-url\)/,
    );
    expect(run.stderr).toMatch(
      /:\d+:\d+ nodes\[0\]\.label: contains the control character U\+0000 at character 7; .* \(control-character\)/,
    );
  });

  it('holds named files to the curated rules with --strict', () => {
    const lenient = validate('src/core/fixtures/valid-imported.json');
    expect(lenient.status).toBe(0);
    const strict = validate('--strict', 'src/core/fixtures/valid-imported.json');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('edges[0].evidence: a claim in a curated file needs evidence');
  });

  it('passes the bundled graphs', () => {
    const run = validate();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/✓ graph\/us-iran-2023-10\.json: \d+ actors, \d+ relations, \d+ sources?/);
  });

  it('says when a file cannot be read', () => {
    const run = validate('graph/nowhere.json');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/graph\/nowhere\.json: cannot read: .*no such file/i);
  });
});

describe('npm run validate on other formats', { timeout: 30_000 }, () => {
  it('opens GEXF, GraphML, Cytoscape JSON and a CSV pair, and prints the located problems of a broken one', () => {
    const dir = 'src/core/formats/fixtures';
    const run = validate(
      `${dir}/graphology/les_miserables.gexf`,
      `${dir}/graphology/basic.graphml`,
      `${dir}/cytoscape-demos/compound.json`,
      `${dir}/csv/actors.edges.csv`,
      `${dir}/graphology/missing_nodes.graphml`,
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/✓ .*les_miserables\.gexf \(GEXF \(Gephi\)\): 77 actors, 254 relations/);
    expect(run.stdout).toMatch(/✓ .*basic\.graphml \(GraphML\): 11 actors, 12 relations/);
    expect(run.stdout).toMatch(/✓ .*compound\.json \(Cytoscape JSON\): 28 actors, 35 relations/);
    expect(run.stdout).toMatch(
      /✓ .*actors\.edges\.csv \(CSV \(nodes and edges\)\): 4 actors, 3 relations, 1 source/,
    );
    expect(run.stderr).toMatch(
      /missing_nodes\.graphml:20:\d+ edges\[0\]\.target: target "9306289" is not a node in this file \(missing-node\)/,
    );
    expect(run.stderr).toContain('1 of 5 files failed validation.');
  });

  it('refuses a binary file with a clear message', () => {
    const run = validate('public/screenshot.png');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /screenshot\.png:1:1 the file is not text: it looks like a PNG image \(not-text\)/,
    );
  });
});
