import { describe, expect, it } from 'vitest';
import { sampleScene } from './fixtures/scene';
import { layoutPage, wrapText, estimateWidth, type Decorations } from './layout';
import { OTHER_COLOUR, resolveAppearance } from '../core/appearance/mapping';
import { legendGroups } from './legend';
import { pictureZoom } from './exportImage';

const none: Decorations = { title: '', legend: [], caption: '', date: '' };

describe('layoutPage', () => {
  it('draws the graph at zoom 1 with margins at the natural size, times the scale', () => {
    const page = layoutPage(sampleScene(), none, { mode: 'scale', scale: 2 });
    expect(page.graph.scale).toBe(1);
    expect(page.width).toBe(400 + 40);
    expect(page.height).toBe(200 + 40);
    expect([page.pixelWidth, page.pixelHeight]).toEqual([880, 480]);
  });

  it('draws the viewport scope at the canvas zoom', () => {
    const page = layoutPage(sampleScene({ clip: true, scope: 'viewport' }), none, {
      mode: 'scale',
      scale: 1,
    });
    expect(page.graph.scale).toBe(1.5);
    expect(page.graph.clip).toBe(true);
  });

  it('gives exactly the pixels asked for, or keeps the proportions for one side', () => {
    const both = layoutPage(sampleScene(), none, { mode: 'pixels', width: 1000, height: 1000 });
    expect([both.pixelWidth, both.pixelHeight]).toEqual([1000, 1000]);
    // The graph fills the width and is centred vertically.
    expect(both.graph.x).toBeCloseTo(20, 5);
    expect(both.graph.y).toBeGreaterThan(20);
    const one = layoutPage(sampleScene(), none, { mode: 'pixels', width: 880 });
    expect([one.pixelWidth, one.pixelHeight]).toEqual([880, 480]);
  });

  it('fits the graph into a paper page inside the margins, turning it to landscape when wider', () => {
    const page = layoutPage(sampleScene(), none, {
      mode: 'paper',
      paper: 'a4',
      orientation: 'auto',
      dpi: 300,
    });
    expect(page.points).toEqual({ width: 841.89, height: 595.28 });
    expect([page.pixelWidth, page.pixelHeight]).toEqual([3508, 2480]);
    const g = page.graph;
    expect(g.x).toBeGreaterThanOrEqual(36 - 1e-9);
    expect(g.x + 400 * g.scale).toBeLessThanOrEqual(841.89 - 36 + 1e-9);
    const portrait = layoutPage(sampleScene(), none, {
      mode: 'paper',
      paper: 'letter',
      orientation: 'portrait',
      dpi: 72,
    });
    expect(portrait.points).toEqual({ width: 612, height: 792 });
  });

  it('places title above, legend and caption below the graph, all inside the page', () => {
    const scene = sampleScene();
    const deco: Decorations = {
      title: 'A title',
      legend: legendGroups(scene),
      caption: 'Source: The New York Times, 27 Oct 2023.',
      date: 'Exported 25 Nov 2026',
    };
    const page = layoutPage(scene, deco, { mode: 'scale', scale: 1 });
    const title = page.texts.find((t) => t.text === 'A title')!;
    const caption = page.texts.find((t) => t.text.startsWith('Source:'))!;
    const date = page.texts.find((t) => t.text.startsWith('Exported'))!;
    expect(title.y).toBeLessThan(page.graph.y);
    expect(caption.y).toBeGreaterThan(page.graph.y + 200);
    expect(date.anchor).toBe('end');
    expect(page.texts.map((t) => t.text)).toEqual(
      expect.arrayContaining(['ACTORS', 'State', 'Armed group', 'Material conflict', 'Reported']),
    );
    for (const t of page.texts) {
      expect(t.y).toBeLessThanOrEqual(page.height);
      expect(t.x).toBeLessThanOrEqual(page.width);
    }
  });
});

describe('layoutPage for a large graph at a small pixel size', () => {
  // A 20k-actor graph is some 30,000 units across: shrunk as a whole into 1,600 px, its title would
  // be 1 px high. The decorations keep their size; the graph is what gets smaller.
  const huge = () => sampleScene({ bounds: { x: 0, y: 0, width: 30000, height: 20000 } });
  const deco = (): Decorations => ({
    title: 'A very large graph',
    legend: legendGroups(sampleScene()),
    caption: 'Source: The New York Times, 27 Oct 2023.',
    date: 'Exported 27 Nov 2026',
  });
  /** Size in output pixels of the text `starts`, and how wide the graph is drawn, in pixels. */
  const measured = (page: ReturnType<typeof layoutPage>, starts: string) => {
    const px = page.pixelWidth / page.width;
    const text = page.texts.find((t) => t.text.startsWith(starts))!;
    return {
      text: text.size * px,
      graph: 30000 * page.graph.scale * px,
      graphHigh: 20000 * page.graph.scale * px,
    };
  };

  it('keeps the title, legend and caption at their size for a width alone', () => {
    const page = layoutPage(huge(), deco(), { mode: 'pixels', width: 1600 });
    expect(page.pixelWidth).toBe(1600);
    expect(measured(page, 'A very large').text).toBeCloseTo(24, 6);
    expect(measured(page, 'State').text).toBeCloseTo(11, 6);
    expect(measured(page, 'Source:').text).toBeCloseTo(10, 6);
    expect(measured(page, 'A very large').graph).toBeCloseTo(1600 - 40, 6); // the graph fills the width
    // The height follows: the graph's proportions plus the decorations.
    expect(page.pixelHeight).toBeGreaterThan(Math.round((1560 * 2) / 3));
    for (const t of page.texts) expect(t.y).toBeLessThanOrEqual(page.height);
  });

  it('keeps them at their size for a height alone', () => {
    const page = layoutPage(huge(), deco(), { mode: 'pixels', height: 900 });
    expect(page.pixelHeight).toBe(900);
    expect(measured(page, 'A very large').text).toBeCloseTo(24, 1);
    const { graphHigh } = measured(page, 'A very large');
    expect(graphHigh).toBeGreaterThan(900 / 2); // what the decorations leave goes to the graph
    expect(graphHigh).toBeLessThan(900 - 40);
  });

  it('keeps them at their size for both, fitting the graph into what is left', () => {
    const page = layoutPage(huge(), deco(), { mode: 'pixels', width: 1600, height: 900 });
    expect([page.pixelWidth, page.pixelHeight]).toEqual([1600, 900]);
    expect(measured(page, 'A very large').text).toBeCloseTo(24, 6);
    expect(measured(page, 'Exported').text).toBeCloseTo(10, 6);
    const { graph, graphHigh } = measured(page, 'A very large');
    expect(graph).toBeLessThanOrEqual(1560 + 1e-6);
    expect(graphHigh).toBeGreaterThan(900 / 2);
  });

  it('shrinks everything together below a page 400 px wide, so a thumbnail still shows the graph', () => {
    const page = layoutPage(huge(), deco(), { mode: 'pixels', width: 200 });
    expect(measured(page, 'A very large').text).toBeCloseTo(12, 6); // half of 24, as the page is half of 400
    expect(measured(page, 'A very large').graph).toBeCloseTo(180, 6);
  });

  it("grows a small graph's whole page in proportion, as before", () => {
    const page = layoutPage(sampleScene(), deco(), { mode: 'pixels', width: 2000 });
    const natural = layoutPage(sampleScene(), deco(), { mode: 'scale', scale: 1 });
    expect(measured(page, 'A very large').text).toBeCloseTo((24 * 2000) / natural.width, 6);
  });
});

describe('wrapText', () => {
  it('breaks at spaces to fit the width', () => {
    const lines = wrapText('one two three four five six', 60, { size: 10, weight: 400 }, estimateWidth);
    expect(lines.join(' ')).toBe('one two three four five six');
    for (const l of lines) expect(estimateWidth(l, { size: 10, weight: 400 })).toBeLessThanOrEqual(60);
  });
});

describe('legendGroups', () => {
  it('lists only what the scene shows', () => {
    const groups = legendGroups(sampleScene());
    expect(groups.map((g) => [g.heading, g.entries.map((e) => e.label)])).toEqual([
      ['Actors', ['State', 'Armed group']],
      ['Relations', ['Material conflict']],
      ['Certainty', ['Reported']],
    ]);
  });

  it('shows the appearance mapping: the values the image shows, kinds and categories in grey', () => {
    const file = {
      nodes: [
        { id: 'united-states', label: 'US', attributes: { bloc: 'West' } },
        { id: 'militias', label: 'M', attributes: { bloc: 'Axis' } },
        { id: 'elsewhere', label: 'E', attributes: { bloc: 'None shown' } },
      ],
      edges: [
        {
          id: 'us-strikes-militias',
          source: 'united-states',
          target: 'militias',
          attributes: { year: 2023 },
        },
      ],
    };
    const appearance = resolveAppearance(file, {
      nodeColour: { by: 'partition', attribute: 'bloc' },
      nodeSize: { by: 'degree' },
      edgeColour: { by: 'ranking', attribute: 'year' },
    });
    const groups = legendGroups(sampleScene(), appearance);
    expect(groups.map((g) => [g.heading, g.entries.map((e) => e.label)])).toEqual([
      ['Actors', ['State', 'Armed group']],
      ['Colour: bloc', ['Axis', 'West']],
      ['Size: relations', ['0 (smallest)', '1 (largest)']],
      ['Relations', ['Material conflict']],
      ['Line colour: year', ['2023 (low)', '2023 (high)']],
      ['Certainty', ['Reported']],
    ]);
    expect(
      groups[0]!.entries.every((e) => e.symbol.type === 'shape' && e.symbol.colour === OTHER_COLOUR),
    ).toBe(true);
  });
});

describe('pictureZoom', () => {
  // A whole-graph image takes the labels legible at this zoom (prepareExport).
  it('is the pixels per graph unit of an image, times its scale or from its width', () => {
    const scaled = layoutPage(sampleScene(), none, { mode: 'scale', scale: 2 });
    expect(pictureZoom(scaled)).toBeCloseTo(2, 9);
    const small = layoutPage(sampleScene(), none, { mode: 'pixels', width: 110 });
    // Shrunk from a page 400 wide (the narrowest laid out at full size), the graph 360 of it.
    expect(pictureZoom(small)).toBeCloseTo((360 / 400) * (110 / 400), 9);
  });

  it('counts a printed point as 4/3 px, whatever the dpi', () => {
    const at = (dpi: number) =>
      pictureZoom(layoutPage(sampleScene(), none, { mode: 'paper', paper: 'a4', orientation: 'auto', dpi }));
    const page = layoutPage(sampleScene(), none, {
      mode: 'paper',
      paper: 'a4',
      orientation: 'auto',
      dpi: 150,
    });
    expect(at(150)).toBeCloseTo((page.graph.scale * 4) / 3, 9);
    expect(at(300)).toBeCloseTo(at(150), 9);
  });
});
