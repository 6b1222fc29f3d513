// Reads the command line of `npm run render` into export options, with the same names and limits
// as the export dialog. Pure: no files, no browser.
import { parseArgs } from 'node:util';
import { DEFAULT_DECK_DPI, DEFAULT_DECK_PAPER, type DeckOptions } from '../export/deck';
import {
  DEFAULT_OPTIONS,
  DEFAULT_PAPER,
  FORMATS,
  LIMITS,
  SCOPES,
  checkOptions,
  type Background,
  type ExportFormat,
  type ExportOptions,
  type ExportSize,
  type Orientation,
  type Paper,
} from '../export/options';

export const USAGE = `Usage: npm run render -- <graph file> --out <file.png|.jpg|.svg|.pdf> [options]
       npm run render -- <graph file> --story <id> --out <deck.pdf|frames.zip> [deck options]

Renders a graph file as the explorer shows it, with the export dialog's options. The graph file
may be in any format the explorer opens (Actor Graph JSON, Cytoscape JSON, GEXF, GraphML, CSV).

  -o, --out <file>            where to write; the extension picks the format
      --format png|jpg|svg|pdf    format, when the extension does not say
      --view <permalink>      a link from the explorer (full URL or its query string)
      --scope graph|viewport|selection                    (default graph)
      --scale <n>             natural size × n, 0.1 … 64        (default 2)
      --width <px>            exact width; with --height an exact size
      --height <px>
      --paper a4|letter       a page (PDF always uses one; default a4)
      --orientation portrait|landscape|auto               (default auto)
      --dpi <n>               pixels per inch on paper, 72 … 600 (default 300)
      --background transparent|white|theme                (default theme)
      --theme light|dark      the explorer's theme          (default light)
      --title <text>          title drawn above the graph   (default: the graph's)
      --no-title, --no-legend, --no-caption, --no-date      leave those out
      --quality <0…1>         JPEG quality                  (default 0.92)
      --pdf-raster            PDF as one image at --dpi instead of vector
      --window <W>x<H>        browser window, CSS px; sets the viewport scope (default 1280x720)
  -h, --help                  this text

A story as a briefing deck: one page per step (the picture, the step's title and caption, the
quotes it cites with their sources, the source line), as a PDF or as a zip of PNG frames.

      --story <id>            the story (its id in the graph file)
      --paper a4|letter       the page                      (default a4)
      --orientation portrait|landscape                    (default portrait)
      --dpi <n>               PNG frames: pixels per inch   (default 150)
      --background white|theme                            (default white)
      --theme light|dark, --window <W>x<H>                as above

Examples:
  npm run render -- graph/us-iran-2023-10.json --out iran.png --scale 4
  npm run render -- graph/us-iran-2023-10.json --out iran.pdf --paper letter --orientation landscape
  npm run render -- my-graph.json --out focus.svg --view '?g=my-graph&sel=n:iran&depth=2' --background white
  npm run render -- graph/us-iran-2023-10.json --story twin-messages --out brief.pdf
  npm run render -- graph/us-iran-2023-10.json --story twin-messages --out frames.zip --dpi 100`;

export interface RenderRequest {
  graphFile: string;
  out: string;
  options: ExportOptions;
  /** Permalink query string without '?', e.g. `g=us-iran-2023-10&sel=n:iran`. */
  view: string;
  theme: 'light' | 'dark';
  window: { width: number; height: number };
}

/** A story rendered as a briefing deck. */
export interface DeckRenderRequest {
  graphFile: string;
  out: string;
  /** The story's id in the graph file. */
  story: string;
  deck: DeckOptions;
  theme: 'light' | 'dark';
  window: { width: number; height: number };
}

export type ParsedArgs =
  | { ok: true; request: RenderRequest }
  | { ok: true; deck: DeckRenderRequest }
  | { ok: true; help: true }
  | { ok: false; error: string };

const EXTENSIONS: Record<string, ExportFormat> = {
  png: 'png',
  jpg: 'jpg',
  jpeg: 'jpg',
  svg: 'svg',
  pdf: 'pdf',
};

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new Error(`--${name} must be a number, not "${value}"`);
  return n;
}

/** The query string of a permalink given as a full URL, `?query`, or `query`. */
export function viewQuery(view: string): string {
  const v = view.trim();
  if (/^[a-z]+:\/\//i.test(v)) return new URL(v).search.replace(/^\?/, '');
  return v.replace(/^[^?]*\?/, '').replace(/^\?/, '');
}

/** Parses `argv` (without node and the script). Unknown options and bad values are errors. */
export function parseRenderArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        format: { type: 'string' },
        view: { type: 'string' },
        scope: { type: 'string' },
        scale: { type: 'string' },
        width: { type: 'string' },
        height: { type: 'string' },
        paper: { type: 'string' },
        orientation: { type: 'string' },
        dpi: { type: 'string' },
        background: { type: 'string' },
        theme: { type: 'string' },
        title: { type: 'string' },
        'no-title': { type: 'boolean' },
        'no-legend': { type: 'boolean' },
        'no-caption': { type: 'boolean' },
        'no-date': { type: 'boolean' },
        quality: { type: 'string' },
        'pdf-raster': { type: 'boolean' },
        window: { type: 'string' },
        story: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  const v = parsed.values;
  if (v.help) return { ok: true, help: true };
  try {
    if (parsed.positionals.length !== 1) {
      throw new Error(
        parsed.positionals.length === 0
          ? 'name the graph file to render'
          : `one graph file at a time, not ${parsed.positionals.length}`,
      );
    }
    if (!v.out) throw new Error('say where to write the image with --out <file>');
    if (v.story !== undefined) return { ok: true, deck: deckRequest(v, parsed.positionals[0]!, v.out) };
    const ext = /\.([a-z]+)$/i.exec(v.out)?.[1]?.toLowerCase();
    const fromExt = ext ? EXTENSIONS[ext] : undefined;
    const format = oneOf('format', v.format, FORMATS) ?? fromExt;
    if (!format)
      throw new Error(
        `cannot tell the format from "${v.out}": end it in .png, .jpg, .svg or .pdf, or give --format`,
      );
    if (fromExt && format !== fromExt)
      throw new Error(`--format ${format} does not match the file name ${v.out}`);

    const scale = number('scale', v.scale);
    const width = number('width', v.width);
    const height = number('height', v.height);
    const dpi = number('dpi', v.dpi);
    const paper = oneOf<Paper>('paper', v.paper, ['a4', 'letter']);
    const orientation = oneOf<Orientation>('orientation', v.orientation, ['portrait', 'landscape', 'auto']);
    const wantsPaper =
      format === 'pdf' || paper !== undefined || orientation !== undefined || dpi !== undefined;
    const wantsPixels = width !== undefined || height !== undefined;
    if (
      [wantsPaper && format !== 'pdf' ? 1 : 0, wantsPixels ? 1 : 0, scale !== undefined ? 1 : 0].reduce(
        (a, b) => a + b,
      ) > 1
    ) {
      throw new Error(
        'choose one way to size the image: --scale, --width/--height, or --paper/--orientation/--dpi',
      );
    }
    if (format === 'pdf' && (wantsPixels || scale !== undefined)) {
      throw new Error('a PDF is sized by its page: use --paper, --orientation and --dpi');
    }
    let size: ExportSize;
    if (wantsPaper) {
      size = {
        mode: 'paper',
        paper: paper ?? DEFAULT_PAPER.paper,
        orientation: orientation ?? DEFAULT_PAPER.orientation,
        dpi: dpi ?? DEFAULT_PAPER.dpi,
      };
    } else if (wantsPixels) {
      size = {
        mode: 'pixels',
        ...(width !== undefined ? { width } : {}),
        ...(height !== undefined ? { height } : {}),
      };
    } else {
      size = { mode: 'scale', scale: scale ?? (DEFAULT_OPTIONS.size as { scale: number }).scale };
    }
    if (v.title !== undefined && v['no-title'])
      throw new Error('--title and --no-title contradict each other');
    const quality = number('quality', v.quality);
    const background =
      oneOf<Background>('background', v.background, ['transparent', 'white', 'theme']) ??
      DEFAULT_OPTIONS.background;
    const options: ExportOptions = {
      format,
      scope: oneOf('scope', v.scope, SCOPES) ?? DEFAULT_OPTIONS.scope,
      size,
      background,
      ...(v['no-title'] ? { title: '' } : v.title !== undefined ? { title: v.title } : {}),
      legend: !v['no-legend'],
      caption: !v['no-caption'],
      date: !v['no-date'],
      ...(v['pdf-raster'] ? { pdfRaster: true } : {}),
      ...(quality !== undefined ? { quality } : {}),
    };
    if (v['pdf-raster'] && format !== 'pdf') throw new Error('--pdf-raster only applies to PDF');
    const problems = checkOptions(options);
    if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('; '));
    return {
      ok: true,
      request: {
        graphFile: parsed.positionals[0]!,
        out: v.out,
        options,
        view: viewQuery(v.view ?? ''),
        theme: oneOf('theme', v.theme, ['light', 'dark'] as const) ?? 'light',
        window: windowSize(v.window),
      },
    };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

function windowSize(value: string | undefined): { width: number; height: number } {
  const win = value ?? '1280x720';
  const m = /^(\d{3,5})x(\d{3,5})$/.exec(win);
  if (!m) throw new Error(`--window must look like 1280x720, not "${win}"`);
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** Options that make an image and mean nothing for a deck. */
const IMAGE_ONLY = [
  'view',
  'scope',
  'scale',
  'width',
  'height',
  'title',
  'no-title',
  'no-legend',
  'no-caption',
  'no-date',
  'quality',
  'pdf-raster',
] as const;

/** The deck `--story` asks for; throws on options that do not apply or values out of range. */
function deckRequest(
  v: Record<string, string | boolean | undefined>,
  graphFile: string,
  out: string,
): DeckRenderRequest {
  const story = String(v.story);
  if (!story.trim()) throw new Error('--story needs the id of a story in the graph file');
  for (const name of IMAGE_ONLY) {
    if (v[name] !== undefined)
      throw new Error(`--${name} does not apply to a story deck: each step has its own view and page`);
  }
  const ext = /\.([a-z]+)$/i.exec(out)?.[1]?.toLowerCase();
  const fromExt = ext === 'pdf' ? 'pdf' : ext === 'zip' ? 'zip' : undefined;
  const format = oneOf('format', v.format as string | undefined, ['pdf', 'zip'] as const) ?? fromExt;
  if (!format) throw new Error(`a story deck is a .pdf or a .zip of PNG frames, not "${out}"`);
  if (fromExt && format !== fromExt)
    throw new Error(`--format ${format} does not match the file name ${out}`);
  const dpi = number('dpi', v.dpi as string | undefined);
  if (dpi !== undefined && format === 'pdf')
    throw new Error('--dpi sets the size of PNG frames; a PDF deck is vector');
  if (dpi !== undefined && !(dpi >= LIMITS.dpi[0] && dpi <= LIMITS.dpi[1]))
    throw new Error(`dpi ${dpi} is not between ${LIMITS.dpi[0]} and ${LIMITS.dpi[1]}`);
  return {
    graphFile,
    out,
    story,
    deck: {
      format,
      paper: {
        paper:
          oneOf<Paper>('paper', v.paper as string | undefined, ['a4', 'letter']) ?? DEFAULT_DECK_PAPER.paper,
        orientation:
          oneOf('orientation', v.orientation as string | undefined, ['portrait', 'landscape'] as const) ??
          DEFAULT_DECK_PAPER.orientation,
      },
      dpi: dpi ?? DEFAULT_DECK_DPI,
      background:
        oneOf('background', v.background as string | undefined, ['white', 'theme'] as const) ?? 'white',
    },
    theme: oneOf('theme', v.theme as string | undefined, ['light', 'dark'] as const) ?? 'light',
    window: windowSize(v.window as string | undefined),
  };
}
