// Property-based fuzzing of every parser through the one loader: mutations of small real files and
// arbitrary text. For each input: no exception escapes (nothing reported as an internal error), no
// input takes more than a second, every error says where, and Object.prototype is untouched.
// The second is measured in CPU time (process.cpuUsage): a guard against runaway parsing that the
// other processes on a busy shared machine cannot trip by holding the CPU. Not a speed test.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraphFile, type FormatId } from './load';

const RUNS = 10_000;
const fixture = (path: string) => readFileSync(`src/core/formats/fixtures/${path}`, 'utf8');

const SEEDS: Record<FormatId, string[]> = {
  native: [readFileSync('src/core/fixtures/valid-imported.json', 'utf8')],
  cytoscape: [
    '{"format_version":"1.0","data":{"name":"g"},"elements":{"nodes":[{"data":{"id":"a","parent":"p","tags":["x",{"y":1}]},"position":{"x":1,"y":2}},{"data":{"id":"p"}}],"edges":[{"data":{"id":"e","source":"a","target":"p","interaction":"pp","weight":2,"ag:evidence":"[{\\"quote\\":\\"q\\",\\"source\\":{\\"id\\":\\"s\\",\\"title\\":\\"t\\",\\"publisher\\":\\"p\\",\\"published\\":\\"2020\\"}}]"}}]}}',
    '[{"data":{"id":"a"},"group":"nodes"},{"data":{"source":"a","target":"a"},"group":"edges"}]',
  ],
  gexf: [
    fixture('graphology/mixed.gexf'),
    fixture('graphology/liststring.gexf'),
    fixture('graphology/edge_viz.gexf'),
  ],
  graphml: [fixture('graphology/attributes.graphml'), fixture('graphology/mixed_multigraph.graphml')],
  csv: [
    fixture('csv/actors.edges.csv'),
    'From;To;Type\nA;B;backs\n',
    'Source,Target,Quote,Source URL,Date\na,b,"q ""x""",https://e.org,2020-01\n',
  ],
};

const NAMES: Record<FormatId, string> = {
  native: 'fuzz.json',
  cytoscape: 'fuzz.cyjs',
  gexf: 'fuzz.gexf',
  graphml: 'fuzz.graphml',
  csv: 'fuzz.csv',
};

/** Characters that matter to one of the syntaxes, and some that validation must catch. */
const SPECIAL = fc.constantFrom(
  '<',
  '>',
  '&',
  '"',
  "'",
  '/',
  '=',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  ';',
  '\t',
  '\n',
  '\r',
  '\\',
  '&amp;',
  '&#0;',
  '&#x1F;',
  '&lol;',
  '<!ENTITY x "y">',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?',
  '?>',
  '\u0000',
  '\u0007',
  '\ud800',
  '\ufffe',
  '__proto__',
  'constructor',
  '"__proto__":{"x":1},',
  '1e999',
  '-0',
  'NaN',
  'null',
  'true',
  '""',
  '"a"',
  'ag:evidence',
  'pid="a"',
  'directed="false"',
);

type Edit = { at: number; del: number; insert: string };

/** A seed file with a few edits: characters and pieces deleted, replaced, inserted or repeated. */
function mutated(seeds: string[]): fc.Arbitrary<string> {
  const edit: fc.Arbitrary<Edit> = fc.record({
    at: fc.nat(),
    del: fc.nat({ max: 12 }),
    insert: fc.oneof(SPECIAL, fc.string({ maxLength: 6 }), fc.constant('')),
  });
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 4 }), fc.nat({ max: 3 }))
    .map(([seed, edits, repeat]) => {
      let s = seed;
      for (const e of edits) {
        const at = e.at % (s.length + 1);
        s = s.slice(0, at) + e.insert + s.slice(at + e.del);
      }
      if (repeat > 0) {
        const at = edits[0]!.at % (s.length + 1);
        s = s.slice(0, at) + s.slice(at, at + 40).repeat(repeat + 1) + s.slice(at + 40);
      }
      return s;
    });
}

const arbitrary = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.array(SPECIAL, { maxLength: 30 }).map((a) => a.join('')),
);

/** Object.prototype's own properties with their values: a pollution adds or replaces one. */
const prototypeSnapshot = () =>
  Object.getOwnPropertyNames(Object.prototype).map((k) => {
    const d = Object.getOwnPropertyDescriptor(Object.prototype, k)!;
    return [k, d.value ?? d.get, d.set] as const;
  });
const untouched = (before: ReturnType<typeof prototypeSnapshot>) => {
  const now = prototypeSnapshot();
  return (
    now.length === before.length &&
    now.every(([k, v, set], i) => k === before[i]![0] && v === before[i]![1] && set === before[i]![2])
  );
};

/** Codes whose issues concern the whole file and have no place in it. */
const UNPLACED = new Set(['too-large']);

describe('fuzzing every parser (fast-check)', () => {
  const before = prototypeSnapshot();
  for (const format of Object.keys(SEEDS) as FormatId[]) {
    it(`${format}: ${RUNS.toLocaleString('en')} mutated and arbitrary inputs, none throws, hangs or pollutes`, () => {
      let slowest = 0;
      fc.assert(
        fc.property(
          fc.oneof({ weight: 3, arbitrary: mutated(SEEDS[format]) }, { weight: 1, arbitrary }),
          (text) => {
            const started = process.cpuUsage();
            const result = loadGraphFile({ name: NAMES[format], text }, { format });
            const used = process.cpuUsage(started);
            const ms = (used.user + used.system) / 1000;
            slowest = Math.max(slowest, ms);
            if (ms > 1000) throw new Error(`took ${Math.round(ms)} ms of CPU`);
            if (!result.ok) {
              for (const issue of result.issues) {
                if (issue.code === 'internal-error') throw new Error(issue.message);
                if (
                  issue.path === '' &&
                  issue.line === undefined &&
                  issue.row === undefined &&
                  !UNPLACED.has(issue.code)
                )
                  throw new Error(`not located: ${issue.code} ${issue.message}`);
              }
            }
            if (!untouched(before) || ({} as Record<string, unknown>).x !== undefined)
              throw new Error('Object.prototype changed');
          },
        ),
        { numRuns: RUNS },
      );
      expect(slowest).toBeLessThan(1000);
    }, 120_000);
  }

  it('the pollution check catches an added or replaced member of Object.prototype', () => {
    const snapshot = prototypeSnapshot();
    Object.defineProperty(Object.prototype, 'zz', { value: 1, configurable: true });
    const added = untouched(snapshot);
    delete (Object.prototype as Record<string, unknown>).zz;
    const toString = Object.prototype.toString;
    Object.prototype.toString = () => 'polluted';
    const replaced = untouched(snapshot);
    Object.prototype.toString = toString;
    expect([added, replaced, untouched(snapshot)]).toEqual([false, false, true]);
  });
});
