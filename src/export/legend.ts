// The legend of an exported image: only the actor kinds, relation categories and certainties that
// the image shows, with the same symbols as the canvas, and the appearance mapping's colours and
// sizes when actors or lines are coloured or sized by an attribute.
import {
  NO_VALUE_COLOUR,
  OTHER_COLOUR,
  type MappingLegend,
  type ResolvedAppearance,
} from '../core/appearance/mapping';
import { CATEGORY_KEYS, CERTAINTY_KEYS, KEY_LABELS, KIND_KEYS } from '../core/model';
import { CATEGORY_COLOUR, CERTAINTY_LINE, KIND_STYLE } from '../render/palette';
import type { Scene } from '../render/scene';

export type LegendSymbol =
  | { type: 'shape'; shape: string; colour: string }
  | { type: 'arrow'; colour: string }
  | { type: 'line'; dash: number[]; opacity: number };

export interface LegendEntry {
  label: string;
  symbol: LegendSymbol;
}

export interface LegendGroup {
  heading: string;
  entries: LegendEntry[];
}

/**
 * Legend groups for what `scene` draws, in the order of the vocabulary; empty groups are left out.
 * Colours are the ones drawn (the theme may change them), taken from an undimmed element, else the palette's.
 */
export function legendGroups(scene: Scene, appearance?: ResolvedAppearance): LegendGroup[] {
  const kinds = new Set<string>();
  const categories = new Set<string>();
  const certainties = new Set<string>();
  const drawn = new Map<string, string>();
  for (const el of scene.elements) {
    if (el.type === 'node' && el.kind) {
      kinds.add(el.kind);
      if (!el.isParent && el.opacity >= 1 && !drawn.has(`kind:${el.kind}`))
        drawn.set(`kind:${el.kind}`, el.fill.colour);
    }
    if (el.type === 'edge') {
      if (el.category) categories.add(el.category);
      if (el.certainty) certainties.add(el.certainty);
      const key = `cat:${el.category}`;
      if (el.category && el.opacity >= 1 && el.line.opacity >= 1 && !drawn.has(key))
        drawn.set(key, el.line.colour);
    }
  }
  // When colour shows an attribute, kinds and categories keep their shapes but not their colours.
  const kindsByColour = !appearance || appearance.applied.nodeColour.by === 'kind';
  const categoriesByColour = !appearance || appearance.applied.edgeColour.by === 'category';
  const drawnIds = new Set(scene.elements.map((el) => el.id));
  const groups: LegendGroup[] = [
    {
      heading: 'Actors',
      entries: KIND_KEYS.filter((k) => kinds.has(k)).map((k) => ({
        label: KEY_LABELS[k],
        symbol: {
          type: 'shape',
          shape: KIND_STYLE[k].shape,
          colour: kindsByColour ? (drawn.get(`kind:${k}`) ?? KIND_STYLE[k].colour) : OTHER_COLOUR,
        },
      })),
    },
    ...mappingGroup('Colour', appearance?.legend.nodeColour, appearance?.nodeColour, drawnIds, false),
    ...mappingGroup('Size', appearance?.legend.nodeSize, undefined, drawnIds, false),
    {
      heading: 'Relations',
      entries: CATEGORY_KEYS.filter((c) => categories.has(c)).map((c) => ({
        label: KEY_LABELS[c],
        symbol: {
          type: 'arrow',
          colour: categoriesByColour ? (drawn.get(`cat:${c}`) ?? CATEGORY_COLOUR[c]) : OTHER_COLOUR,
        },
      })),
    },
    ...mappingGroup('Line colour', appearance?.legend.edgeColour, appearance?.edgeColour, drawnIds, true),
    {
      heading: 'Certainty',
      entries: CERTAINTY_KEYS.filter((c) => certainties.has(c)).map((c) => ({
        label: KEY_LABELS[c],
        symbol: {
          type: 'line',
          dash: CERTAINTY_LINE[c].style === 'solid' ? [] : [...CERTAINTY_LINE[c].dash],
          opacity: CERTAINTY_LINE[c].opacity,
        },
      })),
    },
  ];
  return groups.filter((g) => g.entries.length > 0);
}

/**
 * The legend group of one appearance mapping: a partition's values that the image shows (with
 * "other" and "no value"), a ranking's two ends, or nothing for the file's own colours.
 */
function mappingGroup(
  what: string,
  legend: MappingLegend | undefined,
  colours: ReadonlyMap<string, string> | undefined,
  drawnIds: ReadonlySet<string>,
  line: boolean,
): LegendGroup[] {
  if (!legend || legend.type === 'file') return [];
  const symbol = (colour: string): LegendSymbol =>
    line ? { type: 'arrow', colour } : { type: 'shape', shape: 'ellipse', colour };
  if (legend.type === 'ranking') {
    const low = legend.colours?.[0] ?? '#8A8F98';
    const high = legend.colours?.[legend.colours.length - 1] ?? '#8A8F98';
    const size = legend.colours ? '' : what === 'Size' ? ' (smallest)' : '';
    return [
      {
        heading: `${what}: ${legend.attribute}`,
        entries: [
          { label: `${legend.min}${size || ' (low)'}`, symbol: symbol(low) },
          { label: `${legend.max}${legend.colours ? ' (high)' : ' (largest)'}`, symbol: symbol(high) },
        ],
      },
    ];
  }
  // Only the values of what the image shows (a bundle counts by its own drawn colour).
  const shown = new Set<string>();
  if (colours) for (const [id, c] of colours) if (drawnIds.has(id)) shown.add(c);
  const entries: LegendEntry[] = legend.entries
    .filter((e) => !colours || shown.has(e.colour))
    .map((e) => ({ label: e.value, symbol: symbol(e.colour) }));
  if (legend.other && (!colours || shown.has(OTHER_COLOUR)))
    entries.push({ label: `Other (${legend.other.values} values)`, symbol: symbol(OTHER_COLOUR) });
  if (legend.missing && (!colours || shown.has(NO_VALUE_COLOUR)))
    entries.push({ label: 'No value', symbol: symbol(NO_VALUE_COLOUR) });
  return entries.length > 0 ? [{ heading: `${what}: ${legend.attribute}`, entries }] : [];
}
