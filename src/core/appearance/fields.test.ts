import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraphFile } from '../formats/load';
import { inferField, inferFields, keywordsOf } from './fields';

describe('inferField', () => {
  it('numbers (and numeric text) rank; few distinct integers also partition', () => {
    expect(inferField('score', [0.5, '1.5', 3, null])).toMatchObject({
      type: 'number',
      count: 3,
      quantitative: true,
      qualitative: false,
      min: 0.5,
      max: 3,
    });
    const group = inferField('group', [1, 2, 1, 1, 3, 2]);
    expect(group).toMatchObject({ type: 'number', quantitative: true, qualitative: true });
    expect(group.values).toEqual([
      { value: '1', count: 3 },
      { value: '2', count: 2 },
      { value: '3', count: 1 },
    ]);
  });

  it('categories: text with few repeated values', () => {
    expect(inferField('gender', ['Female', 'Male', 'Female', 'Female'])).toMatchObject({
      type: 'category',
      qualitative: true,
      values: [
        { value: 'Female', count: 3 },
        { value: 'Male', count: 1 },
      ],
    });
  });

  it('free text when every value is different', () => {
    const names = Array.from({ length: 10 }, (_, i) => `Person ${i}`);
    expect(inferField('name', names)).toMatchObject({
      type: 'text',
      qualitative: false,
      quantitative: false,
    });
  });

  it('keywords: lists, or text with a separator whose pieces repeat', () => {
    expect(inferField('tags', [['a', 'b'], ['b'], ['c', 'a']])).toMatchObject({
      type: 'keywords',
      distinct: 3,
    });
    const split = inferField(
      'types',
      Array.from({ length: 20 }, (_, i) => ['cooking|money', 'money', 'wines|cooking|idea'][i % 3]!),
    );
    expect(split).toMatchObject({ type: 'category' });
    const many = Array.from({ length: 60 }, (_, i) => `k${i % 7}; k${(i * 3) % 11}; x${i}`);
    expect(inferField('k', many)).toMatchObject({ type: 'text' });
    const tags = Array.from({ length: 60 }, (_, i) => `k${i % 7}, k${(i * 3) % 11}`);
    expect(inferField('k', tags)).toMatchObject({ type: 'keywords', separator: ',', qualitative: true });
    expect(keywordsOf('a, b', { separator: ',' })).toEqual(['a', 'b']);
    expect(keywordsOf(['a', 'b'], {})).toEqual(['a', 'b']);
  });

  it('dates, colours, links and booleans', () => {
    expect(inferField('d', ['2020', '2019-05-01', '2021-03'])).toMatchObject({
      type: 'date',
      quantitative: true,
      from: '2019-05-01',
      to: '2021-03',
      min: 2019,
      max: 2021,
    });
    expect(inferField('c', ['#ff0000', '#FFF', 'rgb(1, 2, 3)'])).toMatchObject({ type: 'colour' });
    expect(inferField('u', ['https://a.org', 'http://b.org/x'])).toMatchObject({
      type: 'url',
      qualitative: false,
    });
    expect(inferField('u', ['https://a.org', 'javascript:alert(1)'])).toMatchObject({ type: 'category' });
    expect(inferField('b', [true, false, true])).toMatchObject({ type: 'boolean', qualitative: true });
  });

  it('mixed values are text; nothing at all is text with no values', () => {
    expect(inferField('m', [1, 'a', { x: 1 }])).toMatchObject({ type: 'text' });
    expect(inferField('e', [null, ''])).toMatchObject({ type: 'text', count: 0 });
  });
});

describe('inferFields on real files', () => {
  it('les_miserables.gexf: Authority and Hub rank', () => {
    const text = readFileSync('src/core/formats/fixtures/graphology/les_miserables.gexf', 'utf8');
    const result = loadGraphFile({ name: 'les_miserables.gexf', text });
    if (!result.ok) throw new Error('does not load');
    const { nodes, edges } = inferFields(result.graph.file);
    expect(nodes.map((f) => [f.name, f.type])).toEqual([
      ['Authority', 'number'],
      ['Hub', 'number'],
    ]);
    expect(edges).toEqual([]);
  });

  it('case.gexf: Gender and Position partition, name is text', () => {
    const text = readFileSync('src/core/formats/fixtures/graphology/case.gexf', 'utf8');
    const result = loadGraphFile({ name: 'case.gexf', text });
    if (!result.ok) throw new Error('does not load');
    const types = Object.fromEntries(inferFields(result.graph.file).nodes.map((f) => [f.name, f.type]));
    expect(types).toMatchObject({
      name: 'text',
      Gender: 'category',
      Position: 'category',
      status: 'category',
    });
  });
});
