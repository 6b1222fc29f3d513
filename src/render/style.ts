// The Cytoscape stylesheet: node shape and colour by kind, edge colour by conflict–cooperation
// category, width by intensity, line style by certainty, arrowheads for direction; colours and sizes
// an appearance mapping puts in the elements' data (`colour`, `size`) take the place of kind and category.
import type { StylesheetJson } from 'cytoscape';
import { CATEGORY_KEYS, CERTAINTY_KEYS, KIND_KEYS } from '../core/model';
import { GROUP_PADDING } from './layout/computeLayout';
import {
  CATEGORY_COLOUR,
  CERTAINTY_LINE,
  KIND_STYLE,
  THEMES,
  edgeWidth,
  kindColour,
  type ThemeName,
} from './palette';

/** Font used on the canvas and in exported images. */
export const GRAPH_FONT = '"Inter", "Segoe UI", "Helvetica Neue", Arial, sans-serif';

/**
 * Actors' names: 16 px for the least connected up to 22 px for the busiest (12 claims or more), so
 * names stay legible at the zoom that fits a graph into an ordinary window.
 */
const NODE_FONT = { fromDegree: 1, toDegree: 12, min: 16, max: 22 };
/** The size of an actor's name, in px at zoom 1, as the stylesheet maps it from its degree. */
export function nodeFontSize(degree: number): number {
  const t = (degree - NODE_FONT.fromDegree) / (NODE_FONT.toDegree - NODE_FONT.fromDegree);
  return NODE_FONT.min + Math.min(1, Math.max(0, t)) * (NODE_FONT.max - NODE_FONT.min);
}
/** Names wrap at this width (px at zoom 1). */
export const LABEL_MAX_WIDTH = 130;
/** Gap between an actor and its name below it. */
export const LABEL_MARGIN = 4;
/** Below this size on screen a label is not drawn at all: an illegible crowd is worse than none. */
export const MIN_NODE_LABEL_PX = 9;
/** Relation labels: drawn at 11 px at zoom 1, and only while they stay at least 10 px on screen. */
export const EDGE_FONT_PX = 11;
export const MIN_EDGE_LABEL_PX = 10;
/** Arrowheads are about this long at zoom 1 (Cytoscape's smallest triangle at an arrow-scale of 1.1)… */
export const ARROW_PX = 10;
/** …and are not drawn when they would be shorter than this on screen. */
export const MIN_ARROW_PX = 3;

/**
 * Dashes and dots (a claim's certainty) are drawn while the narrowest gap of any pattern is at least
 * this many px on screen; below it the gaps blur into the line, and dashed strokes cost the software
 * canvas several times a solid one (a 5k graph's zoom frames: 1.29 s against 0.42 s).
 */
export const MIN_DASH_GAP_PX = 1;
/** The narrowest gap of the certainty patterns, at zoom 1. */
export const NARROWEST_DASH_GAP = Math.min(
  ...Object.values(CERTAINTY_LINE)
    .filter((c) => c.style !== 'solid')
    .flatMap((c) => c.dash.filter((_, i) => i % 2 === 1)),
);

/** Group titles are set at this size (px at zoom 1). */
export const GROUP_TITLE_PX = 16;

/**
 * Which labels are legible at a zoom, and so drawn: relation labels from 10 px on screen, actors'
 * names and group titles from 9 px (a busy actor's larger name stays when a quiet one's goes).
 * Cytoscape's own `min-zoomed-font-size` rounds the zoom up to a power of two, so it draws 8 px
 * labels at zoom 0.75; these rules are exact, and exports follow the same ones.
 */
export interface LabelRules {
  edges: boolean;
  /** Arrowheads: drawn while at least MIN_ARROW_PX on screen (under that they are specks, and drawing them dominates a large graph's frames). */
  arrows: boolean;
  /** Dashed and dotted lines: drawn as such while their gaps are at least MIN_DASH_GAP_PX on screen, else solid. */
  dashes: boolean;
  titles: boolean;
  /** Actors with fewer claims than this have their name hidden (Infinity: every name hidden). */
  nodeMinDegree: number;
}

export function labelRulesFor(zoom: number): LabelRules {
  let nodeMinDegree = Infinity;
  for (let d = 0; d <= NODE_FONT.toDegree; d++) {
    if (nodeFontSize(d) * zoom >= MIN_NODE_LABEL_PX) {
      nodeMinDegree = d;
      break;
    }
  }
  return {
    edges: EDGE_FONT_PX * zoom >= MIN_EDGE_LABEL_PX,
    arrows: ARROW_PX * zoom >= MIN_ARROW_PX,
    dashes: NARROWEST_DASH_GAP * zoom >= MIN_DASH_GAP_PX,
    titles: GROUP_TITLE_PX * zoom >= MIN_NODE_LABEL_PX,
    nodeMinDegree,
  };
}

export function sameLabelRules(a: LabelRules, b: LabelRules): boolean {
  return (
    a.edges === b.edges &&
    a.arrows === b.arrows &&
    a.dashes === b.dashes &&
    a.titles === b.titles &&
    a.nodeMinDegree === b.nodeMinDegree
  );
}

/** The complete stylesheet for a theme, with labels drawn as `labels` says (all by default). */
export function graphStyle(theme: ThemeName, labels: LabelRules = labelRulesFor(1)): StylesheetJson {
  const t = THEMES[theme];
  const style: StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': GRAPH_FONT,
        // Busier actors get larger names; every name stays legible at the zoom that fits the graph.
        'font-size': `mapData(degree, ${NODE_FONT.fromDegree}, ${NODE_FONT.toDegree}, ${NODE_FONT.min}, ${NODE_FONT.max})`,
        'font-weight': 600,
        color: t.text,
        'text-outline-color': t.textOutline,
        'text-outline-width': 2.5,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': LABEL_MARGIN,
        'text-wrap': 'wrap',
        'text-max-width': `${LABEL_MAX_WIDTH}px`,
        'border-width': 1.5,
        'border-color': t.textOutline,
      },
    },
    ...KIND_KEYS.map((kind) => ({
      selector: `node.kind-${kind}`,
      style: {
        'background-color': kindColour(kind, theme),
        shape: KIND_STYLE[kind].shape,
        width: KIND_STYLE[kind].size,
        height: KIND_STYLE[kind].size,
      },
    })),
    {
      selector: 'node:parent',
      style: {
        shape: 'round-rectangle',
        'background-color': t.compoundFill,
        'background-opacity': 0.85,
        'border-color': t.compoundBorder,
        'border-width': 1.5,
        // The title is drawn by a node of its own above the lines (graphView's group titles).
        label: '',
        padding: `${GROUP_PADDING}px`,
      },
    },
    ...KIND_KEYS.map((kind) => ({
      selector: `node:parent.kind-${kind}`,
      style: { 'border-color': kindColour(kind, theme), 'border-width': 2.5 },
    })),
    // Appearance by attribute (src/core/appearance/mapping.ts): a colour or size in the element's
    // data replaces its kind's; a group keeps its box and takes the colour on its border.
    { selector: 'node[colour]', style: { 'background-color': 'data(colour)' } },
    { selector: 'node[size]', style: { width: 'data(size)', height: 'data(size)' } },
    {
      selector: 'node:parent[colour]',
      style: { 'background-color': t.compoundFill, 'border-color': 'data(colour)', 'border-width': 2.5 },
    },
    {
      selector: 'edge',
      style: {
        // Where arrowheads are too small to draw, parallel claims too close to tell apart and labels
        // hidden, lines are straight from centre to centre (a haystack): the same picture, and styling
        // and drawing tens of thousands of them costs a fraction of curves.
        ...(labels.arrows
          ? {
              'curve-style': 'bezier' as const,
              'control-point-step-size': 60, // parallel claims fan out far enough for their labels
              'target-arrow-shape': 'triangle' as const,
              'arrow-scale': 1.1,
            }
          : { 'curve-style': 'haystack' as const }),
        width: `mapData(weight, 0, 10, ${edgeWidth(0)}, ${edgeWidth(10)})`,
        'line-cap': 'round',
      },
    },
    // A haystack cannot draw a loop (a claim an actor makes about itself).
    ...(labels.arrows ? [] : [{ selector: 'edge:loop', style: { 'curve-style': 'bezier' as const } }]),
    // Relation labels, set only while legible (see labelRulesFor): a label hidden by its opacity
    // would still be measured and placed, and each property set costs every line its styling.
    ...(labels.edges
      ? [
          {
            selector: 'edge',
            style: {
              label: 'data(label)',
              'font-family': GRAPH_FONT,
              'font-size': EDGE_FONT_PX,
              color: t.mutedText,
              'text-rotation': 'autorotate' as const,
              'text-background-color': t.background,
              'text-background-opacity': 0.85,
              'text-background-padding': '1px',
            },
          },
        ]
      : []),
    ...CATEGORY_KEYS.map((cat) => ({
      selector: `edge.cat-${cat}`,
      style: { 'line-color': CATEGORY_COLOUR[cat], 'target-arrow-color': CATEGORY_COLOUR[cat] },
    })),
    {
      selector: 'edge[colour]',
      style: { 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)' },
    },
    ...CERTAINTY_KEYS.map((c) => ({
      selector: `edge.certainty-${c}`,
      style: {
        'line-style': CERTAINTY_LINE[c].style,
        'line-dash-pattern': CERTAINTY_LINE[c].dash,
        opacity: CERTAINTY_LINE[c].opacity,
      },
    })),
    // Imported relations without a direction have no arrowhead.
    { selector: 'edge.undirected', style: { 'target-arrow-shape': 'none' } },
    {
      // A group's title, at the top of its box and above every line, on a band of the page colour.
      selector: 'node.group-title',
      style: {
        shape: 'rectangle',
        width: 1,
        height: 1,
        'background-opacity': 0,
        'border-width': 0,
        'text-valign': 'center',
        'text-halign': 'center',
        'text-margin-y': 0,
        'font-size': GROUP_TITLE_PX,
        'font-weight': 700,
        'text-wrap': 'ellipsis',
        'text-max-width': 'data(maxWidth)',
        'text-outline-width': 0,
        'text-background-color': t.compoundFill,
        'text-background-opacity': 1,
        'text-background-padding': '3px',
        'text-background-shape': 'roundrectangle',
        'z-index': 999,
        'z-index-compare': 'manual',
        events: 'no',
      },
    },
    { selector: 'node.group-title.faded', style: { opacity: 0.35 } },
    {
      selector: 'node.collapsed',
      style: { 'border-style': 'double', 'border-width': 5, 'border-color': t.text, 'font-weight': 700 },
    },
    {
      selector: 'edge.bundle',
      style: { 'font-weight': 700, color: t.text },
    },
    {
      // Claims the timeline's latest step added: a halo in the selection colour.
      selector: 'edge.added',
      style: {
        'underlay-color': t.selection,
        'underlay-opacity': 0.25,
        'underlay-padding': 5,
        color: t.text,
        'font-weight': 700,
        'z-index': 11,
      },
    },
    { selector: '.focus, .on-path', style: { 'z-index': 10 } },
    {
      selector: 'edge.on-path',
      style: { width: `mapData(weight, 0, 10, ${edgeWidth(0) + 2}, ${edgeWidth(10) + 2})`, color: t.text },
    },
    {
      selector: 'node.focus-root, node.path-end',
      style: { 'border-color': t.selection, 'border-width': 4 },
    },
    { selector: 'node.faded', style: { opacity: 0.2, 'z-index': 0 } },
    { selector: 'node:parent.faded', style: { opacity: 0.35 } },
    { selector: 'edge.faded', style: { opacity: 0.1, 'z-index': 0, 'text-opacity': 0 } },
    {
      selector: 'node:selected',
      style: { 'border-color': t.selection, 'border-width': 4, 'overlay-opacity': 0 },
    },
    {
      selector: 'edge:selected',
      style: {
        'underlay-color': t.selection,
        'underlay-opacity': 0.2,
        'underlay-padding': 5,
        'overlay-opacity': 0,
        color: t.text,
      },
    },
    // Dashes whose gaps would blur into the line are drawn solid (see labelRulesFor).
    ...(labels.dashes ? [] : [{ selector: 'edge', style: { 'line-style': 'solid' as const } }]),
    // Labels too small to read at the current zoom are not drawn (see labelRulesFor).
    ...(labels.titles ? [] : [{ selector: 'node.group-title', style: { 'text-opacity': 0 } }]),
    ...(labels.nodeMinDegree > 0
      ? [
          {
            selector: Number.isFinite(labels.nodeMinDegree)
              ? `node[degree < ${labels.nodeMinDegree}]`
              : 'node[degree]',
            style: { 'text-opacity': 0 },
          },
        ]
      : []),
  ];
  return style;
}
