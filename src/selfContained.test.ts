// A clone of this repository is all a user has: no tracked file may point outside it at the
// workplace's shared folder (sources, fixtures, tools).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
// Spelled in two parts so this file does not match itself.
const OUTSIDE = ['..', 'shared'].join('/');

/** Tracked files whose text mentions the shared folder outside the repository. */
export function filesReferringOutside(files: { path: string; text: string }[]): string[] {
  return files.filter((f) => f.text.includes(OUTSIDE)).map((f) => f.path);
}

describe('the repository stands alone', () => {
  it('has no tracked file that refers to the shared folder beside it', () => {
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((p) => p !== '');
    expect(tracked.length).toBeGreaterThan(50);
    const files = tracked.flatMap((path) => {
      try {
        return [{ path, text: readFileSync(resolve(ROOT, path), 'latin1') }];
      } catch {
        return []; // deleted in the work tree but not yet from the index
      }
    });
    expect(filesReferringOutside(files)).toEqual([]);
  });

  it('catches such a reference', () => {
    const planted = { path: 'graph/x.json', text: `{ "localCopy": "${OUTSIDE}/seed/a.txt" }` };
    expect(filesReferringOutside([{ path: 'README.md', text: 'clean' }, planted])).toEqual(['graph/x.json']);
  });
});
