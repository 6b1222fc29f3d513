// Colours, shapes and line styles that encode the graph's data, shared by the canvas style, the
// legend and exported images. Colours come from colour-blind-safe palettes (Okabe–Ito for the
// conflict–cooperation scale, Paul Tol's "muted" for actor kinds), and every colour is paired with a
// second cue (shape, line style) so nothing depends on colour alone.
import type { CategoryKey, CertaintyKey, KindKey, NodeKind } from '../core/model';

export type ThemeName = 'light' | 'dark';

/** Cytoscape node shape names (also understood by the SVG exporter). */
export type NodeShape =
  | 'ellipse'
  | 'round-rectangle'
  | 'rectangle'
  | 'diamond'
  | 'triangle'
  | 'hexagon'
  | 'octagon'
  | 'star'
  | 'round-tag'
  | 'barrel'
  | 'cut-rectangle';

export const KIND_STYLE: Record<KindKey, { colour: string; shape: NodeShape; size: number }> = {
  state: { colour: '#332288', shape: 'ellipse', size: 46 },
  'armed-group': { colour: '#CC6677', shape: 'triangle', size: 38 },
  'political-organisation': { colour: '#882255', shape: 'diamond', size: 38 },
  person: { colour: '#DDCC77', shape: 'ellipse', size: 28 },
  'government-body': { colour: '#88CCEE', shape: 'round-rectangle', size: 32 },
  'military-unit': { colour: '#117733', shape: 'hexagon', size: 34 },
  facility: { colour: '#999933', shape: 'rectangle', size: 28 },
  place: { colour: '#44AA99', shape: 'round-tag', size: 30 },
  'international-organisation': { colour: '#AA4499', shape: 'octagon', size: 34 },
  coalition: { colour: '#6699CC', shape: 'star', size: 38 },
  agreement: { colour: '#BBBBBB', shape: 'cut-rectangle', size: 30 },
  // Imported actors without a kind: a plain grey dot, so a kind never seems to be claimed.
  unspecified: { colour: '#8A8F98', shape: 'ellipse', size: 30 },
};

/** Lighter stand-ins for the kind colours too dark to see on the dark background. */
const DARK_KIND_COLOUR: Partial<Record<NodeKind, string>> = {
  state: '#8F84E0',
  'political-organisation': '#C0508F',
  'military-unit': '#2E9A57',
};

/** The fill of an actor kind in a theme. */
export function kindColour(kind: KindKey, theme: ThemeName): string {
  return (theme === 'dark' ? DARK_KIND_COLOUR[kind as NodeKind] : undefined) ?? KIND_STYLE[kind].colour;
}

export const CATEGORY_COLOUR: Record<CategoryKey, string> = {
  'material-conflict': '#D55E00',
  'verbal-conflict': '#E69F00',
  'verbal-cooperation': '#56B4E9',
  'material-cooperation': '#0072B2',
  // Relations outside the vocabulary: grey, neither conflict nor cooperation.
  unclassified: '#8A8F98',
};

export type LineStyle = 'solid' | 'dashed' | 'dotted';

/**
 * How a line shows its certainty: solid for confirmed, shorter dashes the less sure, dots for
 * conditional. Denied claims are dash-dot, a pattern of their own, and only slightly faded, so they
 * read as drawn but disputed rather than as nearly absent.
 */
export const CERTAINTY_LINE: Record<CertaintyKey, { style: LineStyle; dash: number[]; opacity: number }> = {
  confirmed: { style: 'solid', dash: [1, 0], opacity: 1 },
  reported: { style: 'dashed', dash: [10, 4], opacity: 1 },
  claimed: { style: 'dashed', dash: [6, 4], opacity: 1 },
  assessed: { style: 'dashed', dash: [3, 3], opacity: 1 },
  conditional: { style: 'dotted', dash: [1, 3], opacity: 1 },
  denied: { style: 'dashed', dash: [10, 3, 2, 3], opacity: 0.8 },
  unstated: { style: 'solid', dash: [1, 0], opacity: 1 },
};

/** Edge width in px for an intensity magnitude 0 … 10. */
export function edgeWidth(weight: number): number {
  return 1.5 + (Math.min(Math.max(weight, 0), 10) / 10) * 4.5;
}

export interface ThemeColours {
  background: string;
  text: string;
  textOutline: string;
  mutedText: string;
  compoundFill: string;
  compoundBorder: string;
  selection: string;
}

export const THEMES: Record<ThemeName, ThemeColours> = {
  light: {
    background: '#ffffff',
    text: '#1b1e24',
    textOutline: '#ffffff',
    mutedText: '#5b6270',
    compoundFill: '#eef1f6',
    compoundBorder: '#aab3c2',
    selection: '#000000',
  },
  dark: {
    background: '#14171c',
    text: '#e8ebf0',
    textOutline: '#14171c',
    mutedText: '#a3abb8',
    compoundFill: '#1f242c',
    compoundBorder: '#4a5364',
    selection: '#ffffff',
  },
};
