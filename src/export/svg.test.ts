import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { HOSTILE_BUT_VALID } from '../core/fixtures/hostileStrings';
import { UNSAFE_LONG_TEXT } from '../core/text';
import { sampleScene } from './fixtures/scene';
import { layoutPage } from './layout';
import { legendGroups } from './legend';
import { escapeXml, renderSvg } from './svg';

function svgOf(overrides = {}) {
  const scene = sampleScene();
  const page = layoutPage(
    scene,
    {
      title: 'Title <b>&',
      legend: legendGroups(scene),
      caption: 'Source: “X”',
      date: 'Exported 25 Nov 2026',
    },
    { mode: 'scale', scale: 2 },
  );
  return {
    svg: renderSvg(scene, page, { background: '#ffffff', text: '#111111', muted: '#555555', ...overrides }),
    page,
  };
}

/** Text of each <text> element, its <tspan>s joined by spaces. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>(.*?)<\/text>/g)].map(
    (m) => [...m[1]!.matchAll(/<tspan\b[^>]*>(.*?)<\/tspan>/g)].map((t) => t[1]).join(' ') || m[1]!,
  );
}

describe('renderSvg', () => {
  it('is a standalone SVG with the pixel size and the page as viewBox', () => {
    const { svg, page } = svgOf();
    expect(svg).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    expect(svg).toContain(`width="${page.pixelWidth}" height="${page.pixelHeight}"`);
    expect(svg).toContain(`viewBox="0 0 ${page.width} ${page.height}"`);
  });

  it('writes every label, the title, legend and caption as escaped <text>', () => {
    const { svg } = svgOf();
    const all = texts(svg);
    expect(all).toEqual(
      expect.arrayContaining([
        'United States',
        'Militias &lt;&amp;&gt; &quot;proxies&quot;',
        'strikes',
        'Title &lt;b&gt;&amp;',
        'Source: “X”',
        'State',
      ]),
    );
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<&>');
  });

  it('draws shapes, dashed bezier edges, arrowheads and dimmed elements', () => {
    const { svg } = svgOf();
    expect(svg).toMatch(
      /<path d="M20,10Q120,20 230,90" fill="none" stroke="#D55E00" stroke-width="4"[^>]*stroke-dasharray="6 3"/,
    );
    expect(svg).toContain('data-id="militias" opacity="0.25"');
    expect(svg).toMatch(/transform="translate\(120 40\) rotate\(22.92\)"/);
  });

  it('leaves out the background when transparent, and clips the viewport', () => {
    expect(svgOf({ background: undefined }).svg).not.toContain('fill="#ffffff"/>');
    const scene = sampleScene({ clip: true });
    const page = layoutPage(
      scene,
      { title: '', legend: [], caption: '', date: '' },
      { mode: 'scale', scale: 1 },
    );
    expect(renderSvg(scene, page, { text: '#000', muted: '#555' })).toContain('clip-path="url(#graph-clip)"');
  });

  it('draws only a tile when given a viewBox', () => {
    const { page } = svgOf();
    const scene = sampleScene();
    const tile = renderSvg(scene, page, {
      text: '#000',
      muted: '#555',
      viewBox: { x: 100, y: 50, width: 50, height: 25 },
      pixelWidth: 100,
      pixelHeight: 50,
    });
    expect(tile).toContain('width="100" height="50" viewBox="100 50 50 25"');
  });

  it('uses two weights with PDF fonts', () => {
    const { svg } = svgOf({ fontFamily: 'helvetica' });
    expect(svg).not.toMatch(/font-weight="[0-9]+"/);
    expect(svg).toContain('font-family="helvetica"');
  });
});

describe('escapeXml', () => {
  it('escapes markup characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('hostile text', () => {
  /** XML 1.0's Char production: what a well-formed document may contain at all. */
  const XML_CHARS = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;
  const parser = new XMLParser({ ignoreAttributes: false, trimValues: false, htmlEntities: true });

  /** Every text node of a parsed document, depth first. */
  function textsOf(node: unknown, out: string[] = []): string[] {
    if (typeof node === 'string') out.push(node);
    else if (Array.isArray(node)) for (const n of node) textsOf(n, out);
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) if (!k.startsWith('@_')) textsOf(v, out);
    return out;
  }

  function hostileSvg(text: string): string {
    const base = sampleScene();
    const scene = sampleScene({
      elements: base.elements.map((e) =>
        e.label ? { ...e, id: text, label: { ...e.label, lines: [{ ...e.label.lines[0]!, text }] } } : e,
      ),
    });
    const page = layoutPage(
      scene,
      { title: text, legend: legendGroups(scene), caption: `Source: ${text}`, date: text },
      { mode: 'scale', scale: 1 },
    );
    return renderSvg(scene, page, { text: '#000', muted: '#555', title: text });
  }

  it.each(HOSTILE_BUT_VALID.map((s) => [s.slice(0, 40), s]))('keeps the SVG valid XML with %s', (_, raw) => {
    const text = raw.trim();
    const svg = hostileSvg(text);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(XML_CHARS);
    const parsed = parser.parse(svg) as { svg: { title: string } };
    expect(parsed.svg.title).toBe(text);
    // Each label is one line of the scene: it comes back exactly, entities decoded.
    expect(textsOf(parsed).filter((t) => t === text).length).toBeGreaterThanOrEqual(3);
    expect(svg).not.toMatch(/<script|<img|<svg[^>]* onload/);
  });

  it('keeps any string valid XML, control characters included, and changes nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const svg = `<a b="${escapeXml(s)}">${escapeXml(s)}</a>`;
        expect(XMLValidator.validate(svg)).toBe(true);
        expect(svg).toMatch(XML_CHARS);
        if (!UNSAFE_LONG_TEXT.test(s) && !/\r/.test(s)) {
          expect((parser.parse(svg) as { a: { '#text'?: string } }).a['#text'] ?? '').toBe(s);
        }
      }),
    );
  });
});
