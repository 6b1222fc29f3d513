// The structure of a native graph file, defined once: it validates files at run time, gives the
// TypeScript types of the model (`z.infer`), and generates graph/schema.json for editors.
import { z } from 'zod';
import {
  CERTAINTY_IDS,
  CATEGORY_IDS,
  FORMAT,
  NODE_KIND_IDS,
  NODE_KINDS,
  PARTIAL_DATE_PATTERN,
  RELATION_IDS,
  RELATIONS,
  CERTAINTIES,
} from './model';
import { UNSAFE_TEXT, UNSAFE_LONG_TEXT } from './text';

// Zod compiles object parsers with `new Function` unless told not to; this project never evaluates code.
z.config({ jitless: true });

/** Longest id accepted, in characters (ids end up in URLs and storage keys). */
export const MAX_ID_LENGTH = 200;

/**
 * Any id: a non-empty string without control characters. Strict (curated) files further demand
 * readable ids (`ID_PATTERN`), checked in validate.ts so imported files can keep their own ids.
 */
const id = z
  .string()
  .min(1)
  .max(MAX_ID_LENGTH)
  .refine((s) => !UNSAFE_TEXT.test(s), { params: { unsafe: true } })
  .describe(
    'Stable id. In strict (curated) files: lower-case words joined by hyphens, e.g. "irgc-quds-force".',
  );
const ref = (what: string) => z.string().min(1).describe(`Id of ${what}.`);
const partialDate = z
  .string()
  .regex(PARTIAL_DATE_PATTERN)
  .describe('A date with its precision: "YYYY" (year), "YYYY-MM" (month) or "YYYY-MM-DD" (day).');
/** One line of text: no control characters at all. */
const text = z
  .string()
  .trim()
  .min(1)
  .refine((s) => !UNSAFE_TEXT.test(s), { params: { unsafe: true } });
/** Running text (descriptions, quotes, captions): tab and line breaks allowed, other control characters not. */
const longText = z
  .string()
  .trim()
  .min(1)
  .refine((s) => !UNSAFE_LONG_TEXT.test(s), { params: { unsafe: true } });
/** A link a reader can follow: http or https only, never javascript:, data: or file:. */
const webUrl = z.url({ protocol: /^https?$/ });
const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/)
  .describe('A colour as #rrggbb, e.g. from a GEXF viz:color.');

const list = (ids: readonly string[], describe: (id: string) => string) =>
  ids.map((i) => `${i}: ${describe(i)}`).join('; ');

/** A value of an imported attribute: JSON, kept as it came (arrays and objects too). */
export type AttributeValue =
  string | number | boolean | null | AttributeValue[] | { [k: string]: AttributeValue };
const attributeValue: z.ZodType<AttributeValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(attributeValue),
    z.record(z.string(), attributeValue),
  ]),
);
const attributes = z
  .record(z.string(), attributeValue)
  .describe("The element's original attributes from the file it was imported from, kept as they were.");

export const SourceSchema = z.strictObject({
  id,
  title: text,
  publisher: text,
  published: partialDate.describe('Publication date, "YYYY-MM-DD" (or coarser).'),
  url: webUrl.optional().describe('Where the source can be read: an http or https address.'),
  author: text.optional(),
  localCopy: text
    .optional()
    .describe('Path, relative to the repository root, of a plain-text copy used to check quotes.'),
});

export const EvidenceSchema = z.strictObject({
  source: ref('an entry in "sources"'),
  quote: longText.describe('Verbatim words from the source.'),
});

export const PositionSchema = z
  .strictObject({ x: z.number(), y: z.number() })
  .describe('Where the node stands in the curated arrangement, in layout units (about a pixel at zoom 1).');

export const NodeSchema = z.strictObject({
  id,
  label: text.describe('Name shown on the graph.'),
  kind: z
    .enum(NODE_KIND_IDS)
    .optional()
    .describe(
      `Required in strict files. ${list(NODE_KIND_IDS, (k) => NODE_KINDS[k as keyof typeof NODE_KINDS].description)}`,
    ),
  plural: z
    .boolean()
    .optional()
    .describe('True when the name is plural ("Western governments"), so sentences read "… sanction Iran".'),
  aliases: z.array(text).optional().describe('Other names, matched by search.'),
  parent: ref('the node this one belongs to (e.g. the IRGC inside Iran)').optional(),
  description: longText.optional(),
  evidence: z
    .array(EvidenceSchema)
    .min(1)
    .optional()
    .describe('Verbatim quotes with their sources supporting the membership ("parent") and "description".'),
  position: PositionSchema.optional(),
  colour: colour.optional(),
  size: z.number().positive().optional().describe('Relative size from the file it was imported from.'),
  attributes: attributes.optional(),
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
    .enum(RELATION_IDS)
    .optional()
    .describe(
      `From the controlled vocabulary; required in strict files. ${list(RELATION_IDS, (r) => RELATIONS[r as keyof typeof RELATIONS].description)}`,
    ),
  label: text
    .optional()
    .describe(
      'The relation in its own words, when it is not in the vocabulary (imported data): "unclassified".',
    ),
  directed: z
    .boolean()
    .optional()
    .describe('False for a relation without direction (imported undirected edges); claims are directed.'),
  category: z
    .enum(CATEGORY_IDS)
    .optional()
    .describe("Overrides the relation's conflict–cooperation category."),
  intensity: z
    .number()
    .min(-10)
    .max(10)
    .optional()
    .describe("Overrides the relation's Goldstein intensity, −10 (hostile) … +10 (cooperative)."),
  weight: z.number().optional().describe('A weight from the file it was imported from.'),
  time: TimeSchema.optional(),
  certainty: z
    .enum(CERTAINTY_IDS)
    .optional()
    .describe(
      `Required in strict files. ${list(CERTAINTY_IDS, (c) => CERTAINTIES[c as keyof typeof CERTAINTIES].description)}`,
    ),
  attributedTo: text
    .optional()
    .describe('Who asserts the claim, e.g. "U.S. officials"; leave out when the source says it itself.'),
  summary: longText.optional().describe("One line in the curator's words, e.g. the toll of an attack."),
  evidence: z
    .array(EvidenceSchema)
    .min(1)
    .optional()
    .describe(
      'Verbatim quotes with their sources; required in strict files. Without it a claim is unsourced.',
    ),
  colour: colour.optional(),
  attributes: attributes.optional(),
});

export const StoryStepSchema = z.strictObject({
  title: text,
  caption: longText.describe('A few sentences; each rests on the claims the step cites.'),
  cites: z
    .array(ref('a claim (edge) this step rests on'))
    .describe('Ids of the claims the caption rests on.'),
  view: z
    .string()
    .refine((s) => !UNSAFE_TEXT.test(s), { params: { unsafe: true } })
    .describe('The view of the step as a permalink query, e.g. "sel=n:iran&depth=2&asof=2023-10-27".'),
});

export const StorySchema = z.strictObject({
  id,
  title: text,
  description: longText.optional(),
  steps: z.array(StoryStepSchema).min(1),
});

export const GraphFileSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(FORMAT),
  version: z.number().int().min(1),
  id,
  title: text,
  description: longText.optional(),
  strict: z
    .boolean()
    .optional()
    .describe(
      'A curated file: every claim has a vocabulary relation, a certainty and verbatim evidence, and ids are readable. Version 1 files are always strict.',
    ),
  sources: z.array(SourceSchema).default([]),
  nodes: z.array(NodeSchema),
  edges: z.array(EdgeSchema),
  stories: z.array(StorySchema).optional(),
});

export type Source = z.infer<typeof SourceSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type ActorNode = z.infer<typeof NodeSchema>;
export type TimeSpec = z.infer<typeof TimeSchema>;
export type ClaimEdge = z.infer<typeof EdgeSchema>;
export type StoryStep = z.infer<typeof StoryStepSchema>;
export type Story = z.infer<typeof StorySchema>;
export type GraphFile = z.infer<typeof GraphFileSchema>;
export type Position = z.infer<typeof PositionSchema>;

/** The JSON Schema (draft-07) for native graph files, as written to graph/schema.json. */
export function graphJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(GraphFileSchema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://actor-graph.local/schema.json',
    title: 'Actor Graph native file',
    description:
      'A graph of actors and directed claims between them; curated (strict) files source every claim with a verbatim quote. Generated from src/core/schema.ts by `npm run schema`; do not edit by hand.',
  };
}
