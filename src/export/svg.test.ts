import { describe, expect, it } from 'vitest';
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
