import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphElements } from '../elements';
import { loadGraphFile } from '../formats/load';
import type { ActorNode, ClaimEdge, GraphFile } from '../model';
import { testGraph } from '../view/testGraph';
import {
  NO_VALUE_COLOUR,
  OTHER_COLOUR,
  PARTITION_PALETTE,
  RANKING_SCALE,
  SIZE_RANGE,
  defaultAppearance,
  mappableFields,
  rankingColour,
  resolveAppearance,
  withAppearance,
  type Appearance,
} from './mapping';
import { inferFields } from './fields';

const node = (
  id: string,
  attributes: ActorNode['attributes'] = {},
  extra: Partial<ActorNode> = {},
): ActorNode => ({
  id,
  label: id.toUpperCase(),
  attributes,
  ...extra,
});
const edge = (id: string, source: string, target: string, extra: Partial<ClaimEdge> = {}): ClaimEdge => ({
  id,
  source,
  target,
  ...extra,
});
const file = (nodes: ActorNode[], edges: ClaimEdge[] = []): GraphFile => ({
  format: 'actor-graph',
  version: 2,
  id: 'g',
  title: 'G',
  sources: [],
  nodes,
  edges,
});
const with_ = (patch: Partial<Appearance>): Appearance => ({ ...defaultAppearance(), ...patch });

describe('appearance by attribute', () => {
  it('leaves a curated graph to the stylesheet: kind, kind and category, no per-element values', () => {
    const g = testGraph();
    const r = resolveAppearance(g.file, defaultAppearance());
    expect(r.applied).toEqual({
      nodeColour: { by: 'kind' },
      nodeSize: { by: 'kind' },
      edgeColour: { by: 'category' },
    });
    expect(r.nodeColour).toBeUndefined();
    expect(r.nodeSize).toBeUndefined();
    expect(r.edgeColour).toBeUndefined();
    expect(r.legend).toEqual({});
  });

  it('partitions a categorical attribute: the palette by frequency, then "other", and "no value"', () => {
    const groups = ['a', 'a', 'a', 'b', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const nodes = groups.map((g, i) => node(`n${i}`, { group: g }));
    nodes.push(node('bare'));
    const r = resolveAppearance(file(nodes), with_({ nodeColour: { by: 'partition', attribute: 'group' } }));
    expect(r.nodeColour!.get('n0')).toBe(PARTITION_PALETTE[0]);
    expect(r.nodeColour!.get('n3')).toBe(PARTITION_PALETTE[1]);
    expect(r.nodeColour!.get('n5')).toBe(PARTITION_PALETTE[2]);
    // Seven colours: a, b and five of the singletons (c … g, in order); h and i are "other".
    expect(r.nodeColour!.get('n10')).toBe(OTHER_COLOUR);
    expect(r.nodeColour!.get('bare')).toBe(NO_VALUE_COLOUR);
    const legend = r.legend.nodeColour;
    expect(legend?.type).toBe('partition');
    if (legend?.type !== 'partition') return;
    expect(legend.entries.map((e) => [e.value, e.count])).toEqual([
      ['a', 3],
      ['b', 2],
      ['c', 1],
      ['d', 1],
      ['e', 1],
      ['f', 1],
      ['g', 1],
    ]);
    expect(legend.other).toEqual({ count: 2, values: 2 });
    expect(legend.missing).toBe(1);
    expect(new Set(legend.entries.map((e) => e.colour)).size).toBe(PARTITION_PALETTE.length);
  });

  it('ranks a numeric attribute on the sequential scale, low to high', () => {
    const nodes = [
      node('lo', { score: 1 }),
      node('mid', { score: '5.5' }),
      node('hi', { score: 10 }),
      node('none'),
    ];
    const r = resolveAppearance(file(nodes), with_({ nodeColour: { by: 'ranking', attribute: 'score' } }));
    expect(r.nodeColour!.get('lo')!.toLowerCase()).toBe(RANKING_SCALE[0]!.toLowerCase());
    expect(r.nodeColour!.get('hi')!.toLowerCase()).toBe(
      RANKING_SCALE[RANKING_SCALE.length - 1]!.toLowerCase(),
    );
    expect(r.nodeColour!.get('mid')).toBe(rankingColour(0.5));
    expect(r.nodeColour!.get('none')).toBe(NO_VALUE_COLOUR);
    expect(r.legend.nodeColour).toMatchObject({ type: 'ranking', min: '1', max: '10', missing: 1 });
  });

  it('sizes actors by degree or by a numeric attribute over the size range', () => {
    const f = file(
      [node('hub', { weight: 3 }), node('a', { weight: 1 }), node('b', { weight: 2 }), node('c')],
      [edge('1', 'hub', 'a'), edge('2', 'hub', 'b'), edge('3', 'hub', 'c'), edge('4', 'a', 'b')],
    );
    const byDegree = resolveAppearance(f, with_({ nodeSize: { by: 'degree' } }));
    expect(byDegree.nodeSize!.get('hub')).toBe(SIZE_RANGE.max);
    expect(byDegree.nodeSize!.get('c')).toBe(SIZE_RANGE.min);
    expect(byDegree.legend.nodeSize).toMatchObject({ type: 'ranking', min: '1', max: '3' });
    const byWeight = resolveAppearance(f, with_({ nodeSize: { by: 'ranking', attribute: 'weight' } }));
    expect(byWeight.nodeSize!.get('b')).toBe((SIZE_RANGE.min + SIZE_RANGE.max) / 2);
    expect(byWeight.nodeSize!.get('c')).toBe(SIZE_RANGE.min);
  });

  it('colours lines by an attribute; a bundle takes the colour most of its claims have', () => {
    const f = file(
      [node('a'), node('b')],
      [
        edge('1', 'a', 'b', { attributes: { type: 'trade' } }),
        edge('2', 'a', 'b', { attributes: { type: 'war' } }),
        edge('3', 'a', 'b', { attributes: { type: 'war' } }),
      ],
    );
    const r = resolveAppearance(f, with_({ edgeColour: { by: 'partition', attribute: 'type' } }));
    expect(r.edgeColour!.get('2')).toBe(PARTITION_PALETTE[0]);
    expect(r.edgeColour!.get('1')).toBe(PARTITION_PALETTE[1]);
    const g = {
      file: f,
      nodeById: new Map(f.nodes.map((n) => [n.id, n])),
      edgeById: new Map(),
      sourceById: new Map(),
    };
    const bundle = {
      group: 'edges',
      data: { ...graphElements(g)[2]!.data, id: 'bundle--a--b' },
      classes: [],
    };
    const [drawn] = withAppearance([bundle as never], r, new Map([['bundle--a--b', ['1', '2', '3']]]));
    expect(drawn!.data.colour).toBe(PARTITION_PALETTE[0]);
  });

  it('gives every element the colour and size keys, undefined where kind and category apply', () => {
    const g = testGraph();
    const els = withAppearance(graphElements(g), resolveAppearance(g.file, defaultAppearance()));
    for (const el of els) {
      expect(Object.hasOwn(el.data, 'colour')).toBe(true);
      expect(el.data.colour).toBeUndefined();
      if (el.group === 'nodes') expect(Object.hasOwn(el.data, 'size')).toBe(true);
    }
  });

  it('falls back with a notice when the attribute is not in the graph or cannot be ranked', () => {
    const f = file([node('a', { team: 'red' }), node('b', { team: 'blue' })]);
    const r = resolveAppearance(
      f,
      with_({
        nodeColour: { by: 'ranking', attribute: 'team' },
        edgeColour: { by: 'partition', attribute: 'nope' },
      }),
    );
    expect(r.applied.nodeColour).toEqual({ by: 'kind' });
    expect(r.applied.edgeColour).toEqual({ by: 'category' });
    expect(r.nodeColour).toBeUndefined();
    expect(r.notices).toHaveLength(2);
  });

  it('draws a GEXF as Gephi did: its viz colours and sizes by default', () => {
    const name = 'src/core/formats/fixtures/graphology/les_miserables.gexf';
    const result = loadGraphFile({ name, bytes: readFileSync(name) });
    if (!result.ok) throw new Error('fixture did not load');
    const f = result.graph.file;
    const r = resolveAppearance(f, defaultAppearance());
    expect(r.applied.nodeColour).toEqual({ by: 'file' });
    expect(r.applied.nodeSize).toEqual({ by: 'file' });
    const myriel = f.nodes.find((n) => n.label === 'Myriel')!;
    expect(r.nodeColour!.get(myriel.id)).toBe(myriel.colour);
    const sizes = [...r.nodeSize!.values()];
    expect(Math.min(...sizes)).toBe(SIZE_RANGE.min);
    expect(Math.max(...sizes)).toBe(SIZE_RANGE.max);
    // Its numeric attributes (authority, hub) rank.
    const { rankings } = mappableFields(inferFields(f).nodes);
    expect(rankings.map((r) => r.name)).toEqual(['Authority', 'Hub']);
  });
});
