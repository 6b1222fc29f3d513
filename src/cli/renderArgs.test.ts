import { describe, expect, it } from 'vitest';
import { parseRenderArgs, viewQuery } from './renderArgs';

function request(args: string) {
  const r = parseRenderArgs(args.split(' '));
  if (!r.ok || !('request' in r)) throw new Error(r.ok ? 'help' : r.error);
  return r.request;
}

function error(args: string): string {
  const r = parseRenderArgs(args.split(' '));
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('parseRenderArgs', () => {
  it('takes the format from the extension and defaults like the dialog', () => {
    const r = request('g.json --out a.png');
    expect(r.options).toEqual({
      format: 'png',
      scope: 'graph',
      size: { mode: 'scale', scale: 2 },
      background: 'theme',
      legend: true,
      caption: true,
      date: true,
    });
    expect(r).toMatchObject({
      graphFile: 'g.json',
      out: 'a.png',
      view: '',
      theme: 'light',
      window: { width: 1280, height: 720 },
    });
  });

  it('reads sizes, paper, decorations and the view', () => {
    expect(request('g.json -o a.jpg --width 800 --height 600 --background white').options.size).toEqual({
      mode: 'pixels',
      width: 800,
      height: 600,
    });
    const pdf = request(
      'g.json --out a.pdf --paper letter --orientation landscape --dpi 150 --no-legend --title T',
    );
    expect(pdf.options).toMatchObject({
      format: 'pdf',
      size: { mode: 'paper', paper: 'letter', orientation: 'landscape', dpi: 150 },
      legend: false,
      title: 'T',
    });
    expect(request('g.json --out a.pdf').options.size).toEqual({
      mode: 'paper',
      paper: 'a4',
      orientation: 'auto',
      dpi: 300,
    });
    expect(request('g.json --out a.png --no-title --no-caption --no-date').options).toMatchObject({
      title: '',
      caption: false,
      date: false,
    });
    expect(request('g.json --out a.svg --view http://x/?g=abc&sel=n:iran --theme dark').view).toBe(
      'g=abc&sel=n:iran',
    );
  });

  it.each([
    ['an unknown option', 'g.json --out a.png --colour red', 'Unknown option'],
    ['no graph file', '--out a.png', 'graph file'],
    ['no output', 'g.json', '--out'],
    ['an unknown extension', 'g.json --out a.gif', 'format'],
    ['a format that contradicts the name', 'g.json --out a.png --format svg', 'does not match'],
    ['a bad number', 'g.json --out a.png --scale big', 'number'],
    ['a scale out of range', 'g.json --out a.png --scale 100', 'scale 100'],
    ['two ways to size', 'g.json --out a.png --scale 2 --width 100', 'one way'],
    ['pixels for a PDF', 'g.json --out a.pdf --width 100', 'page'],
    ['a transparent JPEG', 'g.json --out a.jpg --background transparent', 'transparency'],
    ['a bad window', 'g.json --out a.png --window big', '--window'],
  ])('rejects %s', (_, args, message) => {
    expect(error(args)).toContain(message);
  });

  it('asks for help', () => {
    expect(parseRenderArgs(['--help'])).toEqual({ ok: true, help: true });
  });
});

describe('parseRenderArgs for a story deck', () => {
  function deck(args: string) {
    const r = parseRenderArgs(args.split(' '));
    if (!r.ok || !('deck' in r)) throw new Error(r.ok ? 'not a deck' : r.error);
    return r.deck;
  }

  it('makes a PDF or a zip of PNG frames, portrait A4 on white by default', () => {
    expect(deck('g.json --story twin --out brief.pdf')).toEqual({
      graphFile: 'g.json',
      out: 'brief.pdf',
      story: 'twin',
      deck: { format: 'pdf', paper: { paper: 'a4', orientation: 'portrait' }, dpi: 150, background: 'white' },
      theme: 'light',
      window: { width: 1280, height: 720 },
    });
    expect(
      deck(
        'g.json --story twin -o f.zip --dpi 96 --paper letter --orientation landscape --background theme --theme dark',
      ),
    ).toMatchObject({
      deck: {
        format: 'zip',
        paper: { paper: 'letter', orientation: 'landscape' },
        dpi: 96,
        background: 'theme',
      },
      theme: 'dark',
    });
    expect(deck('g.json --story twin --out deck --format zip').deck.format).toBe('zip');
  });

  it.each([
    ['an image format', 'g.json --story twin --out a.png', '.pdf or a .zip'],
    ['a zip without a story', 'g.json --out a.zip', 'format'],
    ['an image option', 'g.json --story twin --out a.pdf --scale 2', '--scale does not apply'],
    ['a view', 'g.json --story twin --out a.pdf --view g=x', '--view does not apply'],
    ['a dpi for a vector PDF', 'g.json --story twin --out a.pdf --dpi 100', 'vector'],
    ['a dpi out of range', 'g.json --story twin --out a.zip --dpi 5000', 'dpi 5000'],
    ['a transparent page', 'g.json --story twin --out a.zip --background transparent', '--background'],
    ['an automatic orientation', 'g.json --story twin --out a.pdf --orientation auto', '--orientation'],
    ['a format that contradicts the name', 'g.json --story twin --out a.pdf --format zip', 'does not match'],
  ])('rejects %s', (_, args, message) => {
    expect(error(args)).toContain(message);
  });
});

describe('viewQuery', () => {
  it('takes the query of a URL, a ?query or a bare query', () => {
    expect(viewQuery('http://127.0.0.1:5173/?g=a&sel=n:b')).toBe('g=a&sel=n:b');
    expect(viewQuery('?g=a')).toBe('g=a');
    expect(viewQuery('/index.html?g=a')).toBe('g=a');
    expect(viewQuery('g=a&depth=2')).toBe('g=a&depth=2');
  });
});
