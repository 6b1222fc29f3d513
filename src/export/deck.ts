// A story as a briefing deck: one page per step with the picture on top, then the step's title, its
// caption, the verbatim quotes it rests on with their sources, and the source line. Pure layout:
// text is measured by a function passed in; the pages are drawn by svg.ts like any export page.
import { normaliseQuoteText } from '../core/evidence/quoteCheck';
import type { StoryStep } from '../core/model';
import type { Graph } from '../core/validate';
import type { Scene } from '../render/scene';
import { captionText, sourceShort } from './caption';
import { wrapText, type Measure, type Page, type PageText } from './layout';
import { PAPERS, type Paper } from './options';

export interface DeckQuote {
  /** The verbatim quote. */
  text: string;
  /** Where it is from, short: "The New York Times, 27 Oct 2023". */
  source: string;
}

export interface DeckStep {
  scene: Scene;
  /** Above the picture: the story's title and "Step k of n". */
  heading: string;
  title: string;
  caption: string;
  quotes: DeckQuote[];
  /** The sources of the cited claims in full, at the foot of the page. */
  sourceLine: string;
}

export interface DeckPaper {
  paper: Paper;
  orientation: 'portrait' | 'landscape';
}

export const DEFAULT_DECK_PAPER: DeckPaper = {
  paper: 'a4',
  orientation: 'portrait', // room for the caption and quotes under the picture
};

export const DECK_FORMATS = ['pdf', 'zip'] as const;
export type DeckFormat = (typeof DECK_FORMATS)[number];

export interface DeckOptions {
  format: DeckFormat;
  paper: DeckPaper;
  /** Pixels per inch of the PNG frames. */
  dpi: number;
  /** White paper, or the theme's background. */
  background: 'white' | 'theme';
}

export const DEFAULT_DECK_DPI = 150; // a frame of an A4 page is 1240 × 1754 px

/**
 * The quotes behind `cites`, each once: a quote that another quote from the same source contains
 * is left out, so two claims resting on one sentence show it once. In citing order.
 */
export function deckQuotes(graph: Graph, cites: readonly string[]): DeckQuote[] {
  const all: { text: string; sourceId: string; norm: string }[] = [];
  for (const id of cites) {
    for (const ev of graph.edgeById.get(id)?.evidence ?? []) {
      all.push({ text: ev.quote.trim(), sourceId: ev.source, norm: normaliseQuoteText(ev.quote) });
    }
  }
  const kept = all.filter(
    (q, i) =>
      !all.some(
        (o, j) =>
          o.sourceId === q.sourceId &&
          o.norm.includes(q.norm) &&
          (o.norm.length > q.norm.length || (o.norm === q.norm && j < i)),
      ),
  );
  return kept.map((q) => {
    const source = graph.sourceById.get(q.sourceId);
    return { text: q.text, source: source ? sourceShort(source) : q.sourceId };
  });
}

/** The deck page content for one step of a story: everything but the picture. */
export function deckText(
  graph: Graph,
  story: { title: string; steps: readonly unknown[] },
  step: StoryStep,
  index: number,
): Omit<DeckStep, 'scene'> {
  return {
    heading: `${story.title} · Step ${index + 1} of ${story.steps.length}`,
    title: step.title,
    caption: step.caption,
    quotes: deckQuotes(graph, step.cites),
    sourceLine: captionText(graph, step.cites),
  };
}

/** A quote in double quotation marks; quotation marks inside it become single ones, as in print. */
export function quoted(text: string): string {
  return `“${text.replace(/“/g, '‘').replace(/”/g, '’').replace(/"/g, "'")}”`;
}

/** Sizes in points. */
const MARGIN = 36;
const GAP = 10;
const HEADING = 8;
const TITLE = 16;
const CAPTION = 10.5;
const QUOTE_SIZES = [8.5, 8, 7.5, 7];
const SOURCE_RATIO = 0.9; // a quote's source line, against the quote's size
const FOOT = 7.5;
/** The picture keeps at least this share of the height between the margins. */
const MIN_PICTURE = 0.3;

interface Flow {
  texts: PageText[];
  height: number;
}

/** Lays out `lines` of one style from `y` (top of the block); returns the block's height. */
function block(
  flow: Flow,
  lines: string[],
  x: number,
  size: number,
  weight: number,
  role: PageText['role'],
  lineHeight = 1.3,
): void {
  const lh = size * lineHeight;
  lines.forEach((text, i) =>
    flow.texts.push({
      text,
      x,
      y: flow.height + size + i * lh,
      size,
      weight,
      anchor: 'start',
      role,
    }),
  );
  flow.height += lines.length > 0 ? (lines.length - 1) * lh + size * 1.25 : 0;
}

/** The text under the picture, from y = 0, with quotes at `quoteSize`, the first `count` of them. */
function textFlow(step: DeckStep, width: number, measure: Measure, quoteSize: number, count: number): Flow {
  const flow: Flow = { texts: [], height: 0 };
  block(flow, wrapText(step.title, width, { size: TITLE, weight: 700 }, measure), 0, TITLE, 700, 'text', 1.2);
  flow.height += GAP * 0.6;
  block(
    flow,
    wrapText(step.caption, width, { size: CAPTION, weight: 400 }, measure),
    0,
    CAPTION,
    400,
    'text',
    1.38,
  );
  const quotes = step.quotes.slice(0, count);
  if (quotes.length > 0) {
    flow.height += GAP;
    block(flow, ['WHAT THE SOURCES SAY'], 0, HEADING, 700, 'muted');
    const indent = 10;
    const sourceSize = quoteSize * SOURCE_RATIO;
    for (const q of quotes) {
      flow.height += quoteSize * 0.55;
      const style = { size: quoteSize, weight: 400 };
      block(flow, wrapText(quoted(q.text), width - indent, style, measure), indent, quoteSize, 400, 'text');
      block(flow, [`— ${q.source}`], indent, sourceSize, 400, 'muted');
    }
  }
  const more = step.quotes.length - quotes.length;
  if (more > 0) {
    flow.height += quoteSize * 0.55;
    const note = `… and ${more} more quote${more === 1 ? '' : 's'}: open the story in Actor Graph to read them.`;
    block(flow, wrapText(note, width, { size: quoteSize, weight: 400 }, measure), 0, quoteSize, 400, 'muted');
  }
  return flow;
}

/**
 * The page for one step, in points: the heading, the picture fitted into the space the text
 * leaves (at least MIN_PICTURE of the height), then title, caption, quotes and the source line.
 * When the text would squeeze the picture, quotes get smaller, then the last ones give way to a
 * note saying how many were left out. `dpi` sets the pixel size for PNG frames.
 */
export function layoutDeckPage(step: DeckStep, paper: DeckPaper, dpi: number, measure: Measure): Page {
  const p = PAPERS[paper.paper];
  const landscape = paper.orientation === 'landscape';
  const width = landscape ? p.height : p.width;
  const height = landscape ? p.width : p.height;
  const contentW = width - 2 * MARGIN;
  const contentH = height - 2 * MARGIN;

  const head: Flow = { texts: [], height: 0 };
  block(
    head,
    wrapText(step.heading, contentW, { size: HEADING, weight: 700 }, measure),
    0,
    HEADING,
    700,
    'muted',
  );
  const foot: Flow = { texts: [], height: 0 };
  if (step.sourceLine)
    block(
      foot,
      wrapText(step.sourceLine, contentW, { size: FOOT, weight: 400 }, measure),
      0,
      FOOT,
      400,
      'muted',
    );

  const fixed = head.height + GAP + GAP + (foot.height > 0 ? foot.height + GAP : 0);
  const room = contentH - fixed - contentH * MIN_PICTURE;
  let text = textFlow(step, contentW, measure, QUOTE_SIZES[0]!, step.quotes.length);
  for (const size of QUOTE_SIZES) {
    text = textFlow(step, contentW, measure, size, step.quotes.length);
    if (text.height <= room) break;
  }
  const smallest = QUOTE_SIZES[QUOTE_SIZES.length - 1]!;
  for (let n = step.quotes.length - 1; text.height > room && n >= 0; n--) {
    text = textFlow(step, contentW, measure, smallest, n);
  }

  const pictureH = Math.max(contentH - fixed - text.height, 1);
  const b = step.scene.bounds;
  const scale = Math.min(contentW / Math.max(b.width, 1e-6), pictureH / Math.max(b.height, 1e-6));
  const pictureTop = MARGIN + head.height + GAP;
  const graph = {
    x: MARGIN + (contentW - b.width * scale) / 2,
    y: pictureTop + (pictureH - b.height * scale) / 2,
    scale,
    bounds: b,
    clip: step.scene.clip,
  };
  const shift = (texts: PageText[], dx: number, dy: number) =>
    texts.map((t) => ({ ...t, x: t.x + dx, y: t.y + dy }));
  const textTop = pictureTop + pictureH + GAP;
  const texts = [
    ...shift(head.texts, MARGIN, MARGIN),
    ...shift(text.texts, MARGIN, textTop),
    ...shift(foot.texts, MARGIN, height - MARGIN - foot.height),
  ];
  return {
    width,
    height,
    pixelWidth: Math.round((width / 72) * dpi),
    pixelHeight: Math.round((height / 72) * dpi),
    points: { width, height },
    graph,
    texts,
    symbols: [],
  };
}

/** A file name for step `index` among the frames: "03-the-proxies-attacks.png". */
export function frameName(index: number, title: string, count: number): string {
  const digits = Math.max(2, String(count).length);
  const slug =
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'step';
  return `${String(index + 1).padStart(digits, '0')}-${slug}.png`;
}
