// The lean Cytoscape build replaces a few of Cytoscape's source files; a Cytoscape upgrade that moves
// or rewrites them must stop the build with a message naming them, not ship a broken page.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCytoscapeSources, REPLACED } from './leanCytoscape';

const require = createRequire(import.meta.url);
const SRC = join(resolve(dirname(require.resolve('cytoscape')), '..'), 'src');

let copy: string | undefined;
afterEach(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
  copy = undefined;
});

function copied(): string {
  copy = mkdtempSync(join(tmpdir(), 'cytoscape-src-'));
  cpSync(SRC, copy, { recursive: true });
  return copy;
}

describe('the Cytoscape sources the lean build replaces', () => {
  it('are as the build expects in the installed Cytoscape', () => {
    expect(checkCytoscapeSources()).toEqual([]);
  });

  it('names a replaced file that is gone', () => {
    const src = copied();
    rmSync(join(src, REPLACED.webgl));
    expect(checkCytoscapeSources(src)).toEqual([`${join(src, REPLACED.webgl)} is gone`]);
  });

  it('names a replaced file that adds more to the renderer than its stand-in provides', () => {
    const src = copied();
    const path = join(src, REPLACED.webgl);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nCRp.drawWebglLater = function() {};\n`);
    expect(checkCytoscapeSources(src)).toEqual([
      `${path} now adds drawWebglLater, initWebgl to the renderer, not initWebgl`,
    ]);
  });

  it('names a replaced file whose content changed', () => {
    const src = copied();
    writeFileSync(join(src, REPLACED.layouts), "import nullLayout from './null.mjs';\nexport default [];\n");
    expect(checkCytoscapeSources(src)).toEqual([
      `${join(src, REPLACED.layouts)} no longer contains "import gridLayout from './grid.mjs'"`,
    ]);
  });
});
