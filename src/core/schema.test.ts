import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaText, SCHEMA_PATH } from '../cli/schema';
import { CERTAINTY_IDS, NODE_KIND_IDS, RELATION_IDS } from './model';

describe('graph/schema.json', () => {
  it('is in sync with src/core/schema.ts (run `npm run schema` after changing the model)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(schemaText());
  });

  it('lists the controlled vocabularies so editors can complete them', () => {
    const schema = JSON.parse(schemaText());
    const edge = schema.properties.edges.items.properties;
    const node = schema.properties.nodes.items.properties;
    expect(edge.relation.enum).toEqual(RELATION_IDS);
    expect(edge.certainty.enum).toEqual(CERTAINTY_IDS);
    expect(node.kind.enum).toEqual(NODE_KIND_IDS);
    expect(schema.required).toEqual(
      expect.arrayContaining(['format', 'version', 'id', 'title', 'nodes', 'edges']),
    );
  });

  it('is named by every bundled graph file', () => {
    const files = readdirSync('graph').filter((f) => f.endsWith('.json') && f !== 'schema.json');
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      expect(JSON.parse(readFileSync(`graph/${name}`, 'utf8')).$schema, name).toBe('./schema.json');
    }
  });
});
