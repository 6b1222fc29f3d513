// The structure of a native graph file, defined once: it validates files at run time and generates
// graph/schema.json for editors.
import { z } from 'zod';
import {
  CERTAINTY_IDS,
  CATEGORY_IDS,
  FORMAT,
  ID_PATTERN,
  NODE_KIND_IDS,
  NODE_KINDS,
  PARTIAL_DATE_PATTERN,
  RELATION_IDS,
  RELATIONS,
  CERTAINTIES,
} from './model';

// Zod compiles object parsers with `new Function` unless told not to; this project never evaluates code.
z.config({ jitless: true });

const id = z
  .string()
  .regex(ID_PATTERN)
  .describe('Stable, readable id: lower-case words joined by hyphens, e.g. "irgc-quds-force".');
const ref = (what: string) => z.string().min(1).describe(`Id of ${what}.`);
const partialDate = z
  .string()
  .regex(PARTIAL_DATE_PATTERN)
  .describe('A date with its precision: "YYYY" (year), "YYYY-MM" (month) or "YYYY-MM-DD" (day).');
const text = z.string().trim().min(1);

const list = (ids: readonly string[], describe: (id: string) => string) =>
  ids.map((i) => `${i}: ${describe(i)}`).join('; ');

export const SourceSchema = z.strictObject({
  id,
  title: text,
  publisher: text,
  published: partialDate.describe('Publication date, "YYYY-MM-DD" (or coarser).'),
  url: z.url().optional(),
  author: text.optional(),
  localCopy: text
    .optional()
    .describe('Path, relative to the repository root, of a plain-text copy used to check quotes.'),
});

export const EvidenceSchema = z.strictObject({
  source: ref('an entry in "sources"'),
  quote: text.describe('Verbatim words from the source.'),
});

export const NodeSchema = z.strictObject({
  id,
  label: text.describe('Name shown on the graph.'),
  kind: z
    .enum(NODE_KIND_IDS as [string, ...string[]])
    .describe(list(NODE_KIND_IDS, (k) => NODE_KINDS[k as keyof typeof NODE_KINDS].description)),
  aliases: z.array(text).optional().describe('Other names, matched by search.'),
  parent: ref('the node this one belongs to (e.g. the IRGC inside Iran)').optional(),
  description: text.optional(),
  evidence: z
    .array(EvidenceSchema)
    .min(1)
    .optional()
    .describe('Verbatim quotes with their sources supporting the membership ("parent") and "description".'),
});

export const TimeSchema = z
  .strictObject({
    date: partialDate.optional().describe('When a one-off event happened.'),
    start: partialDate.optional().describe('When a lasting relation began.'),
    end: partialDate.optional().describe('When a lasting relation ended; leave out while it is ongoing.'),
    circa: z.boolean().optional().describe('True when the source gives the date only approximately.'),
  })
  .describe('Either "date", or "start" with an optional "end".');

export const EdgeSchema = z.strictObject({
  id,
  source: ref('the actor that acts'),
  target: ref('the actor acted upon'),
  relation: z
    .enum(RELATION_IDS as [string, ...string[]])
    .describe(list(RELATION_IDS, (r) => RELATIONS[r as keyof typeof RELATIONS].description)),
  category: z
    .enum(CATEGORY_IDS as [string, ...string[]])
    .optional()
    .describe("Overrides the relation's conflict–cooperation category."),
  intensity: z
    .number()
    .min(-10)
    .max(10)
    .optional()
    .describe("Overrides the relation's Goldstein intensity, −10 (hostile) … +10 (cooperative)."),
  time: TimeSchema.optional(),
  certainty: z
    .enum(CERTAINTY_IDS as [string, ...string[]])
    .describe(list(CERTAINTY_IDS, (c) => CERTAINTIES[c as keyof typeof CERTAINTIES].description)),
  attributedTo: text
    .optional()
    .describe('Who asserts the claim, e.g. "U.S. officials"; leave out when the source says it itself.'),
  summary: text.optional().describe("One line in the curator's words, e.g. the toll of an attack."),
  evidence: z.array(EvidenceSchema).min(1).describe('At least one verbatim quote with its source.'),
});

export const GraphFileSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(FORMAT),
  version: z.number().int().min(1),
  id,
  title: text,
  description: text.optional(),
  sources: z.array(SourceSchema),
  nodes: z.array(NodeSchema),
  edges: z.array(EdgeSchema),
});

/** The JSON Schema (draft-07) for native graph files, as written to graph/schema.json. */
export function graphJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(GraphFileSchema, { target: 'draft-07' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://actor-graph.local/schema.json',
    title: 'Actor Graph native file',
    description:
      'A curated graph of actors and sourced, directed claims between them. Generated from src/core/schema.ts by `npm run schema`; do not edit by hand.',
  };
}
