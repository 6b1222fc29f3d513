// The legend of an exported image: only the actor kinds, relation categories and certainties that
// the image shows, with the same symbols as the canvas.
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
export function legendGroups(scene: Scene): LegendGroup[] {
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
  const groups: LegendGroup[] = [
    {
      heading: 'Actors',
      entries: KIND_KEYS.filter((k) => kinds.has(k)).map((k) => ({
        label: KEY_LABELS[k],
        symbol: {
          type: 'shape',
          shape: KIND_STYLE[k].shape,
          colour: drawn.get(`kind:${k}`) ?? KIND_STYLE[k].colour,
        },
      })),
    },
    {
      heading: 'Relations',
      entries: CATEGORY_KEYS.filter((c) => categories.has(c)).map((c) => ({
        label: KEY_LABELS[c],
        symbol: { type: 'arrow', colour: drawn.get(`cat:${c}`) ?? CATEGORY_COLOUR[c] },
      })),
    },
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
