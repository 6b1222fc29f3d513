// The Cytoscape stylesheet: node shape and colour by kind, edge colour by conflict–cooperation
// category, width by intensity, line style by certainty, arrowheads for direction.
import type { StylesheetJson } from 'cytoscape';
import { CATEGORY_KEYS, CERTAINTY_KEYS, KIND_KEYS } from '../core/model';
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

/** The complete stylesheet for a theme. */
export function graphStyle(theme: ThemeName): StylesheetJson {
  const t = THEMES[theme];
  const style: StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': GRAPH_FONT,
        // Busier actors get larger labels, which stay readable when zoomed out; the rest appear on zooming in.
        'font-size': 'mapData(degree, 1, 12, 12, 24)',
        'font-weight': 600,
        color: t.text,
        'text-outline-color': t.textOutline,
        'text-outline-width': 2.5,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'border-width': 1.5,
        'border-color': t.textOutline,
        'min-zoomed-font-size': 6,
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
        'text-valign': 'top',
        'text-margin-y': -4,
        'font-weight': 700,
        padding: '10px',
      },
    },
    ...KIND_KEYS.map((kind) => ({
      selector: `node:parent.kind-${kind}`,
      style: { 'border-color': kindColour(kind, theme), 'border-width': 2.5 },
    })),
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        'control-point-step-size': 44,
        width: `mapData(weight, 0, 10, ${edgeWidth(0)}, ${edgeWidth(10)})`,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.1,
        label: 'data(label)',
        'font-family': GRAPH_FONT,
        'font-size': 9,
        color: t.mutedText,
        'text-rotation': 'autorotate',
        'text-background-color': t.background,
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 8,
        'line-cap': 'round',
      },
    },
    ...CATEGORY_KEYS.map((cat) => ({
      selector: `edge.cat-${cat}`,
      style: { 'line-color': CATEGORY_COLOUR[cat], 'target-arrow-color': CATEGORY_COLOUR[cat] },
    })),
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
      selector: 'node.collapsed',
      style: { 'border-style': 'double', 'border-width': 5, 'border-color': t.text, 'font-weight': 700 },
    },
    {
      selector: 'edge.bundle',
      style: { 'font-weight': 700, color: t.text },
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
  ];
  return style;
}
