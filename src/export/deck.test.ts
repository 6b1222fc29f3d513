import { describe, expect, it } from 'vitest';
import { testGraph } from '../core/view/testGraph';
import { deckQuotes, deckText, frameName, layoutDeckPage, quoted, type DeckStep } from './deck';
import { sampleScene } from './fixtures/scene';
import { estimateWidth } from './layout';

const A4 = { paper: 'a4', orientation: 'portrait' } as const;

function step(extra: Partial<DeckStep> = {}): DeckStep {
  return {
    scene: sampleScene(),
    heading: 'The story · Step 2 of 5',
    title: 'The proxies’ attacks',
    caption: 'The attacks came from militia groups in Iraq and Syria. '.repeat(3).trim(),
    quotes: [
      { text: 'Iran’s proxies', source: 'The New York Times, 27 Oct 2023' },
      {
        text: 'a series of ongoing and mostly unsuccessful attacks',
        source: 'The New York Times, 27 Oct 2023',
      },
    ],
    sourceLine: 'Source: The New York Times, 27 Oct 2023, “U.S. Airstrikes Contain Twin Messages”.',
    ...extra,
  };
}

const textOf = (page: ReturnType<typeof layoutDeckPage>) => page.texts.map((t) => t.text).join(' ');

describe('a deck page', () => {
  it('puts the picture on top, then the title, caption, quotes with their sources, and the source line', () => {
    const page = layoutDeckPage(step(), A4, 150, estimateWidth);
    expect([page.width, page.height]).toEqual([595.28, 841.89]);
    expect(page.points).toEqual({ width: 595.28, height: 841.89 });
    expect([page.pixelWidth, page.pixelHeight]).toEqual([1240, 1754]);
    const y = (text: string) => page.texts.find((t) => t.text.includes(text))!.y;
    const pictureBottom = page.graph.y + page.graph.bounds.height * page.graph.scale;
    expect(y('Step 2 of 5')).toBeLessThan(page.graph.y);
    expect(pictureBottom).toBeLessThan(y('The proxies’ attacks'));
    expect(y('The proxies’ attacks')).toBeLessThan(y('The attacks came'));
    expect(y('The attacks came')).toBeLessThan(y('“Iran’s proxies”'));
    expect(y('“Iran’s proxies”')).toBeLessThan(y('— The New York Times, 27 Oct 2023'));
    expect(y('“a series of ongoing')).toBeLessThan(y('Source: The New York Times'));
    // Everything inside the half-inch margins.
    for (const t of page.texts) {
      expect(t.x).toBeGreaterThanOrEqual(36);
      expect(t.x + estimateWidth(t.text, t)).toBeLessThanOrEqual(595.28 - 36 + 0.01);
      expect(t.y).toBeLessThanOrEqual(841.89 - 36);
    }
    expect(page.graph.x).toBeGreaterThanOrEqual(36);
  });

  it('turns the page for landscape and gives the picture the room the text leaves', () => {
    const page = layoutDeckPage(step(), { paper: 'letter', orientation: 'landscape' }, 72, estimateWidth);
    expect([page.width, page.height, page.pixelWidth, page.pixelHeight]).toEqual([792, 612, 792, 612]);
    // A tall picture is held by the height the text leaves.
    const tall = { ...sampleScene(), bounds: { x: 0, y: 0, width: 100, height: 400 } };
    const short = layoutDeckPage(step({ scene: tall, quotes: [] }), A4, 150, estimateWidth);
    const long = layoutDeckPage(step({ scene: tall }), A4, 150, estimateWidth);
    expect(short.graph.scale).toBeGreaterThan(long.graph.scale);
  });

  it('keeps the picture when there are many quotes: smaller quotes, then a note for those left out', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      text: `Quote number ${i + 1}, long enough to take two lines on the page when it is set in small type. `.repeat(
        2,
      ),
      source: 'The New York Times, 27 Oct 2023',
    }));
    const page = layoutDeckPage(step({ quotes: many }), A4, 150, estimateWidth);
    const pictureH = page.graph.bounds.height * page.graph.scale;
    const pictureW = page.graph.bounds.width * page.graph.scale;
    // The picture fills its box one way: at least 30 % of the height between the margins, or the width.
    expect(pictureH >= (841.89 - 72) * 0.3 - 0.01 || pictureW >= 595.28 - 72 - 0.01).toBe(true);
    const quotes = page.texts.filter((t) => t.text.startsWith('“Quote number'));
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.length).toBeLessThan(40);
    expect(Math.max(...quotes.map((t) => t.size))).toBe(7);
    expect(textOf(page)).toMatch(/… and \d+ more quotes: open the story in Actor Graph to read them\./);
    for (const t of page.texts) expect(t.y).toBeLessThanOrEqual(841.89 - 36);
  });
});

describe('deck text', () => {
  const graph = testGraph();

  it('quotes every claim cited once, leaving out a quote another one holds', () => {
    const g = testGraph();
    const edge = g.edgeById.get('us-deters-iran')!;
    edge.evidence = [{ source: 'src', quote: 'quote for us-deters-iran, and more' }];
    const quotes = deckQuotes(g, [
      'us-strikes-irgc',
      'us-deters-iran',
      'us-threatens-iran',
      'us-strikes-irgc',
    ]);
    expect(quotes).toEqual([
      { text: 'quote for us-strikes-irgc', source: 'P, 27 Oct 2023' },
      { text: 'quote for us-deters-iran, and more', source: 'P, 27 Oct 2023' },
      { text: 'quote for us-threatens-iran', source: 'P, 27 Oct 2023' },
    ]);
  });

  it('heads the page with the story and the step, and ends it with the sources', () => {
    const story = { title: 'A story', steps: [{}, {}, {}] };
    const text = deckText(
      graph,
      story,
      { title: 'T', caption: 'C.', cites: ['us-strikes-irgc'], view: '' },
      1,
    );
    expect(text).toEqual({
      heading: 'A story · Step 2 of 3',
      title: 'T',
      caption: 'C.',
      quotes: [{ text: 'quote for us-strikes-irgc', source: 'P, 27 Oct 2023' }],
      sourceLine: 'Source: P, 27 Oct 2023, “T”.',
    });
  });

  it('sets quotes inside a quote in single marks', () => {
    expect(quoted('“These strikes,” he said, "are a response"')).toBe(
      "“‘These strikes,’ he said, 'are a response'”",
    );
  });

  it('names frames by number and title', () => {
    expect(frameName(0, 'Strikes on Iran’s depots in Syria', 9)).toBe(
      '01-strikes-on-iran-s-depots-in-syria.png',
    );
    expect(frameName(11, 'Über…', 120)).toBe('012-uber.png');
    expect(frameName(2, '!!!', 3)).toBe('03-step.png');
  });
});
