// The box each actor takes on the canvas, its label included, measured before layout so the
// layout (on the page, in a worker or in Node) keeps labels apart without a canvas of its own.
import type { GraphElement, NodeElement } from '../../core/elements';
import { KIND_STYLE } from '../palette';
import { EDGE_FONT_PX, GRAPH_FONT, LABEL_MARGIN, LABEL_MAX_WIDTH, nodeFontSize } from '../style';
import type { LayoutEdge, LayoutNode } from './computeLayout';

/** Width in px of `text` set in `font` (a CSS font shorthand). */
export type MeasureText = (text: string, font: string) => number;

/** A canvas-based measurer for the page and workers (OffscreenCanvas when there is no document). */
export function canvasMeasurer(): MeasureText {
  const canvas =
    typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!ctx) return (text, font) => text.length * fontPx(font) * 0.55;
  return (text, font) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
}

function fontPx(font: string): number {
  return Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
}

/** Lines of `text` wrapped at spaces to `max` px, as Cytoscape's `text-wrap: wrap` does. */
export function wrapLabel(text: string, max: number, width: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && width(next) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** Layout input for the actors of `elements`: their boxes with labels, parents and degrees. */
export function layoutNodes(elements: readonly GraphElement[], measure: MeasureText): LayoutNode[] {
  const nodes = elements.filter((e): e is NodeElement => e.group === 'nodes');
  const parents = new Set(nodes.map((n) => n.data.parent).filter((p) => p !== undefined));
  return nodes.map((n) => {
    const { id, parent, degree, kind, label } = n.data;
    if (parents.has(id))
      return { id, ...(parent ? { parent } : {}), width: 0, height: 0, labelDrop: 0, degree };
    const size = KIND_STYLE[kind].size;
    const px = nodeFontSize(degree);
    const font = `600 ${px}px ${GRAPH_FONT}`;
    const lines = wrapLabel(label, LABEL_MAX_WIDTH, (s) => measure(s, font));
    const textWidth = Math.max(...lines.map((l) => measure(l, font))) + 6; // + the text outline
    const textHeight = lines.length * px * 1.2;
    return {
      id,
      ...(parent ? { parent } : {}),
      width: Math.max(size, textWidth),
      height: size + LABEL_MARGIN + textHeight,
      labelDrop: (LABEL_MARGIN + textHeight) / 2,
      degree,
    };
  });
}

/** Layout input for the claims of `elements`, with the width of each one's label when measured. */
export function layoutEdges(elements: readonly GraphElement[], measure?: MeasureText): LayoutEdge[] {
  const font = `400 ${EDGE_FONT_PX}px ${GRAPH_FONT}`;
  return elements.flatMap((e) =>
    e.group === 'edges'
      ? [
          {
            id: e.data.id,
            source: e.data.source,
            target: e.data.target,
            ...(measure ? { labelWidth: measure(e.data.label, font) } : {}),
          },
        ]
      : [],
  );
}
