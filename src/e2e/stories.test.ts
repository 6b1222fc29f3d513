// Stories in real Chromium: stepping through the curated story (caption, quotes, and the graph
// drawn as each step says; keys, buttons, Back and Esc), recording and saving a story in the editor
// and replaying the saved file, the briefing deck from the command line (PDF, decoded page by page)
// and from the export dialog (a zip of PNG frames), and the embedded page with and without a story.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { normaliseQuoteText } from '../core/evidence/quoteCheck';
import type { Story } from '../core/model';
import { deckQuotes } from '../export/deck';
import { hiddenCitations, stepView } from '../core/stories/stepView';
import { formatPartialDate } from '../core/time/partialDate';
import { loadGraphText, type Graph } from '../core/validate';
import { visibleGraph } from '../core/view/visibleGraph';
import { drawnNodes, openApp, waitForStill, type OpenedApp } from './app';
import { decodePng, inkRatio } from './pixels';

const FILE = 'graph/us-iran-2023-10.json';
const TEXT = readFileSync(FILE, 'utf8');
function load(text: string, name = FILE): Graph {
  const r = loadGraphText(text, name);
  if (!r.ok) throw new Error(`${name} does not load: ${r.issues.map((i) => i.message).join('; ')}`);
  return r.graph;
}
const GRAPH = load(TEXT);
const STORY: Story = GRAPH.file.stories!.find((s) => s.id === 'twin-messages')!;
const STORY_LINK = '?g=us-iran-2023-10&story=twin-messages';

const run = promisify(execFile);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'actor-graph-stories-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Whitespace and quotation marks aside, as a reader compares words. */
const words = (s: string) =>
  normaliseQuoteText(s)
    .replace(/["'“”‘’]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const storyPanel = (page: Page) => page.getByTestId('story-step');
const counter = (page: Page) => page.getByTestId('story-counter');
const query = (page: Page) => new URL(page.url()).searchParams;
/** Takes the keyboard from whatever has it, so keys go to the page. */
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
/** Opens the story editor as a user does: the Story tab's key, then Edit stories. */
async function openEditor(page: Page) {
  await blur(page);
  await page.keyboard.press('s');
  await page.getByTestId('story-list').getByRole('button', { name: 'Edit stories' }).click();
  return page.getByTestId('story-editor');
}

/** The actors and lines the step's own view draws, worked out from the data apart from the canvas. */
function expected(graph: Graph, step: Story['steps'][number]) {
  const { view } = stepView(graph, step);
  const visible = visibleGraph(graph, view);
  const ids = (group: 'nodes' | 'edges') =>
    visible.elements
      .filter((e) => e.group === group)
      .map((e) => e.data.id)
      .sort();
  return { view, nodes: ids('nodes'), edges: ids('edges'), drawnAs: visible.drawnAs };
}

/** The lines the canvas draws (bundles under their own ids), by id. */
const drawnEdges = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { actorGraphView: { renderedEdges(): { id: string; classes: string[] }[] } }
    ).actorGraphView.renderedEdges(),
  );

async function waitForStep(page: Page, k: number, n: number): Promise<void> {
  await page.waitForFunction(
    ([text]) => document.querySelector('[data-testid="story-counter"]')?.textContent?.trim() === text,
    [`Step ${k} of ${n}`] as const,
  );
  await waitForStill(page);
}

/** What the step shows: its title, caption, every quote of every claim it cites, and the graph it says. */
async function checkStep(page: Page, graph: Graph, story: Story, index: number): Promise<void> {
  const step = story.steps[index]!;
  await waitForStep(page, index + 1, story.steps.length);
  const panel = storyPanel(page);
  await expect(panel.getByTestId('story-step-title').innerText()).resolves.toBe(step.title);
  await expect(panel.getByTestId('story-caption').innerText()).resolves.toBe(step.caption);
  for (const id of step.cites) {
    const card = panel.locator(`[data-claim="${id}"]`);
    const quotes = await card.locator('blockquote p').allInnerTexts();
    const expected = (graph.edgeById.get(id)!.evidence ?? []).map((e) => words(e.quote));
    expect(quotes.map(words), `quotes of ${id}`).toEqual(expected);
    await expect(card.locator('blockquote footer').first().innerText()).resolves.toContain(
      'The New York Times',
    );
  }
  // The canvas draws exactly the actors and lines the step's view shows, and a line for every claim
  // the caption cites.
  const want = expected(graph, step);
  const drawn = (await drawnNodes(page)).map((n) => n.id).sort();
  expect(drawn, `actors drawn at step ${index + 1}`).toEqual(want.nodes);
  const lines = await drawnEdges(page);
  expect(lines.map((e) => e.id).sort(), `lines drawn at step ${index + 1}`).toEqual(want.edges);
  for (const id of step.cites) {
    const line = lines.find((e) => e.id === want.drawnAs.get(id));
    expect(line, `claim ${id} drawn at step ${index + 1}`).toBeDefined();
  }
  expect(hiddenCitations(graph, step)).toEqual([]);
  const { view } = want;
  if (view.selected?.type === 'node') {
    const root = (await drawnNodes(page)).find((n) => n.id === view.selected!.id);
    expect(root?.classes, 'the selected actor is drawn as the focus').toContain('focus-root');
  }
  const label = await page.getByTestId('time-label').innerText();
  if (view.time.mode === 'all') expect(label).toContain('All dates');
  if (view.time.mode === 'asOf') expect(label).toContain(`As of ${formatPartialDate(view.time.to!)}`);
  if (view.time.mode === 'window') expect(label).toMatch(/–/);
  expect(query(page).get('story')).toBe(story.id);
  expect(query(page).get('step')).toBe(String(index + 1));
}

describe('the curated story', () => {
  let app: OpenedApp;
  beforeAll(async () => {
    app = await openApp(`${STORY_LINK}&step=1`);
  });
  afterAll(() => app?.session.close());

  it('steps from the strikes to the history, each step with its caption, quotes and picture', async () => {
    const { page } = app;
    const steps = STORY.steps.length;
    await checkStep(page, GRAPH, STORY, 0);
    const seen = new Set<string>();
    for (let i = 1; i < steps; i++) {
      // The arrow key and the button both step.
      if (i % 2 === 1) {
        await blur(page);
        await page.keyboard.press('ArrowRight');
      } else await storyPanel(page).getByTestId('story-next').click();
      await checkStep(page, GRAPH, STORY, i);
      seen.add(JSON.stringify(await drawnNodes(page).then((n) => n.map((x) => x.id).sort())));
    }
    // The picture changes along the way.
    expect(seen.size).toBeGreaterThanOrEqual(steps - 3);
    await expect(storyPanel(page).getByTestId('story-next').isDisabled()).resolves.toBe(true);

    // Back goes to the step before; ← too.
    await page.goBack();
    await checkStep(page, GRAPH, STORY, steps - 2);
    await blur(page);
    await page.keyboard.press('ArrowLeft');
    await checkStep(page, GRAPH, STORY, steps - 3);
  });

  it('leaves the arrow keys to the graph while it has the keyboard', async () => {
    const { page } = app;
    await storyPanel(page)
      .getByRole('button', { name: 'Step 3: ' + STORY.steps[2]!.title })
      .click();
    await checkStep(page, GRAPH, STORY, 2);
    await page.getByTestId('graph-canvas').focus();
    await page.keyboard.press('ArrowLeft');
    // The canvas took it: the selection moved to a neighbour of the militias, the story stayed.
    await page.waitForFunction(
      () => new URL(location.href).searchParams.get('sel') !== 'n:iran-backed-militias',
    );
    await waitForStill(page);
    expect(query(page).get('step')).toBe('3');
    await page.getByRole('tab', { name: 'Story' }).click();
    await expect(counter(page).innerText()).resolves.toBe(`Step 3 of ${STORY.steps.length}`);
  });

  it('returns to free exploring on Esc, keeping the view the step left', async () => {
    const { page } = app;
    await storyPanel(page)
      .getByRole('button', { name: 'Step 8: ' + STORY.steps[7]!.title })
      .click();
    await checkStep(page, GRAPH, STORY, 7);
    const before = await drawnNodes(page).then((n) => n.map((x) => x.id).sort());
    await blur(page);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('story'));
    await expect(storyPanel(page).count()).resolves.toBe(0);
    expect(query(page).get('t')).toBe('asOf:2015-12-31');
    expect(query(page).has('step')).toBe(false);
    await expect(drawnNodes(page).then((n) => n.map((x) => x.id).sort())).resolves.toEqual(before);
    // The story list plays it again from the start.
    await page.getByRole('tab', { name: 'Story' }).click();
    await page.getByTestId('story-list').getByRole('button', { name: STORY.title }).click();
    await checkStep(page, GRAPH, STORY, 0);
  });

  it('lists the story keys in the help', async () => {
    const { page } = app;
    await blur(page);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help.innerText()).resolves.toMatch(/In a story: the previous or next step/);
    await page.keyboard.press('Escape');
  });
});

describe('the story editor', () => {
  it('records a story, refuses to save it while a caption is missing, saves a file that validates and replays it', async () => {
    const { page, session } = await openApp('?g=us-iran-2023-10');
    try {
      const editor = await openEditor(page);
      await editor.getByLabel('Title of the new story').fill('Russia and Hezbollah');
      await editor.getByRole('button', { name: /Make it/ }).click();
      await expect(editor.getByLabel('Step title').inputValue()).resolves.toBe('Step 1');

      // Saving now fails: the first step has no caption. The problem is located.
      await editor.getByTestId('save-stories').click();
      await expect(editor.getByTestId('save-issues').innerText()).resolves.toMatch(
        /us-iran-2023-10\.json:\d+:\d+ stories\[1\]\.steps\[0\]\.caption/,
      );

      // Step 1: the whole graph, citing Iran's drones for Russia, picked from the claims shown.
      await editor.getByLabel('Step title').fill('Drones for Moscow');
      await editor.getByLabel('Caption').fill('Iran has supplied Russia with drones.');
      await editor.getByPlaceholder('Filter claims').fill('iran russia weapons');
      await editor.getByTestId('claim-picker').getByRole('checkbox').first().check();
      await expect(editor.getByTestId('cited-claims').innerText()).resolves.toContain(
        'Iran supplies weapons to Russia',
      );

      // Step 2: Hezbollah selected, recorded from the view on screen.
      const search = page.getByPlaceholder(/Search actors/);
      await search.fill('Hezbollah');
      await page.getByRole('option', { name: 'Hezbollah' }).first().waitFor();
      await search.press('Enter');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('sel') === 'n:hezbollah');
      await page.getByRole('tab', { name: 'Story' }).click();
      await editor.getByTestId('record-step').click();
      await expect(editor.getByLabel('Step title').inputValue()).resolves.toBe('Step 2');
      await editor.getByLabel('Step title').fill('Hezbollah');
      await editor.getByLabel('Caption').fill('Iran backs Hezbollah.');
      await editor.getByPlaceholder('Filter claims').fill('iran backs hezbollah');
      await editor.getByTestId('claim-picker').getByRole('checkbox').first().check();
      await expect(editor.getByTestId('editor-steps').innerText()).resolves.toMatch(
        /1\. Drones for Moscow[\s\S]*2\. Hezbollah/,
      );

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        editor.getByTestId('save-stories').click(),
      ]);
      expect(download.suggestedFilename()).toBe('us-iran-2023-10.json');
      await expect(editor.getByTestId('save-message').innerText()).resolves.toContain('Saved');
      const saved = readFileSync((await download.path())!, 'utf8');

      // The saved file validates, keeps everything else as it was, and holds both stories.
      const graph = load(saved, 'saved.json');
      const { stories: newStories, ...rest } = JSON.parse(saved) as { stories: Story[] };
      const { stories: oldStories, ...original } = JSON.parse(TEXT) as { stories: Story[] };
      expect(rest).toEqual(original);
      expect(newStories[0]).toEqual(oldStories[0]);
      const made = newStories[1]!;
      expect(made).toMatchObject({ id: 'russia-and-hezbollah', title: 'Russia and Hezbollah' });
      expect(made.steps.map((s) => [s.title, s.caption, s.cites])).toEqual([
        ['Drones for Moscow', 'Iran has supplied Russia with drones.', ['iran-supplies-drones-to-russia']],
        ['Hezbollah', 'Iran backs Hezbollah.', [expect.stringMatching(/^iran-.*hezbollah/)]],
      ]);
      expect(new URLSearchParams(made.steps[1]!.view).get('sel')).toBe('n:hezbollah');
      // Only the stories changed: the text before them is the original's, byte for byte.
      const at = TEXT.indexOf('"stories"');
      expect(saved.slice(0, at)).toBe(TEXT.slice(0, at));

      // Replayed: the saved file opened in the explorer as any file is, and the new story played.
      await editor.getByRole('button', { name: 'Done' }).click();
      await blur(page);
      await page.keyboard.press('o');
      const dialog = page.getByRole('dialog', { name: 'Open a graph' });
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        dialog.getByRole('button', { name: 'Choose files…' }).click(),
      ]);
      await chooser.setFiles({
        name: 'us-iran-2023-10.json',
        mimeType: 'application/json',
        buffer: Buffer.from(saved),
      });
      await page.waitForFunction(
        () => new URL(location.href).searchParams.get('g') === 'us-iran-2023-10-opened',
      );
      await page.getByRole('tab', { name: 'Story' }).click();
      await page.getByTestId('story-list').getByRole('button', { name: 'Russia and Hezbollah' }).click();
      await checkStep(page, graph, made, 0);
      await storyPanel(page).getByTestId('story-next').click();
      await checkStep(page, graph, made, 1);
      const hezbollah = (await drawnNodes(page)).find((n) => n.id === 'hezbollah');
      expect(hezbollah?.classes).toContain('focus-root');
    } finally {
      await session.close();
    }
  });
});

describe('story edits not saved', () => {
  it('are kept when another graph is opened, with a notice, and the page asks before it is left', async () => {
    const { page, session } = await openApp('?g=us-iran-2023-10');
    try {
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.type());
        void d.accept();
      });
      const editor = await openEditor(page);
      await editor.getByLabel('Title of the new story').fill('Kept while away');
      await editor.getByRole('button', { name: /Make it/ }).click();
      await expect(editor.innerText()).resolves.toContain('The stories have changes not saved yet.');
      await editor.getByRole('button', { name: 'Done' }).click();

      // Save data… writes the graph as opened, and says where the story edits are saved instead.
      await page.getByRole('button', { name: 'Save data…' }).click();
      const saveData = page.getByRole('dialog', { name: /Save/ });
      await expect(saveData.getByTestId('stories-not-included').innerText()).resolves.toContain(
        'Your story edits are not in these files',
      );
      await saveData.getByRole('button', { name: 'Close' }).click();

      // Another graph: the edits are not on it, and a notice says where they are.
      const graphMenu = page.locator('label.graph-pick select');
      await graphMenu.selectOption('bundled:sample-abu-kamal-strikes');
      await page.waitForFunction(
        () => new URL(location.href).searchParams.get('g') === 'sample-abu-kamal-strikes',
      );
      const notice = page.getByRole('status').filter({ hasText: 'story edits' });
      await expect(notice.innerText()).resolves.toContain(
        `Your story edits on “${GRAPH.file.title}” are not saved. They are kept while this page stays open`,
      );
      await page.getByRole('tab', { name: 'Story' }).click();
      await expect(page.getByTestId('story-list').innerText()).resolves.not.toContain('Kept while away');

      // Back on the graph they were made on, they are there, still unsaved.
      await graphMenu.selectOption('bundled:us-iran-2023-10');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('g') === 'us-iran-2023-10');
      await page.getByRole('tab', { name: 'Story' }).click();
      await page.getByTestId('story-list').getByRole('button', { name: 'Kept while away' }).waitFor();
      await page.getByTestId('story-list').getByRole('button', { name: 'Edit stories' }).click();
      await expect(editor.innerText()).resolves.toContain('The stories have changes not saved yet.');

      // Leaving the page asks first.
      await page.reload();
      expect(dialogs).toEqual(['beforeunload']);

      // Saved edits are not asked about: made again, downloaded, then the page is left.
      await openEditor(page);
      await editor.getByLabel('Title of the new story').fill('Saved before leaving');
      await editor.getByRole('button', { name: /Make it/ }).click();
      await editor.getByLabel('Caption').fill('Saved first.');
      await Promise.all([page.waitForEvent('download'), editor.getByTestId('save-stories').click()]);
      await expect(editor.getByTestId('save-message').innerText()).resolves.toContain('Saved');
      await expect(editor.innerText()).resolves.not.toContain('not saved yet');
      await page.reload();
      expect(dialogs).toEqual(['beforeunload']);
    } finally {
      await session.close();
    }
  });
});

/** The text of each page of a PDF, read with PDF.js. */
async function pdfPages(bytes: Uint8Array): Promise<{ text: string; paths: number }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    standardFontDataUrl: join(process.cwd(), 'node_modules/pdfjs-dist/standard_fonts/'),
  }).promise;
  const pages: { text: string; paths: number }[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const text = content.items.map((t) => ('str' in t ? t.str : '')).join(' ');
    const ops = await page.getOperatorList();
    const paths = ops.fnArray.filter((f) => f === pdfjs.OPS.constructPath).length;
    pages.push({ text, paths });
  }
  await doc.destroy();
  return pages;
}

describe('the briefing deck', () => {
  it('renders from the command line as a PDF with a page per step: picture, title, caption, quotes, sources', async () => {
    const out = join(dir, 'brief.pdf');
    const { stdout } = await run(
      'npx',
      ['tsx', 'src/cli/render.ts', FILE, '--story', 'twin-messages', '--out', out],
      { timeout: 170_000 },
    );
    expect(stdout).toContain(`Wrote ${out}: ${STORY.steps.length} pages`);
    const bytes = readFileSync(out);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(STORY.steps.length);
    expect(doc.getTitle()).toBe(STORY.title);
    const pages = await pdfPages(new Uint8Array(bytes));
    for (const [i, step] of STORY.steps.entries()) {
      const page = pages[i]!;
      const text = words(page.text);
      expect(text, `page ${i + 1}: title`).toContain(words(step.title));
      expect(text, `page ${i + 1}: heading`).toContain(`Step ${i + 1} of ${STORY.steps.length}`);
      expect(text, `page ${i + 1}: caption`).toContain(words(step.caption));
      for (const q of deckQuotes(GRAPH, step.cites)) {
        expect(text, `page ${i + 1}: quote "${q.text.slice(0, 40)}…"`).toContain(words(q.text));
      }
      expect(text, `page ${i + 1}: source`).toContain('Source: The New York Times, 27 Oct 2023');
      // The picture: vector drawing, with the name of every actor the step's view draws (a group
      // too wide for its title is titled by an alias).
      expect(page.paths, `page ${i + 1}: drawing`).toBeGreaterThan(5);
      const { view } = stepView(GRAPH, step);
      const leaves = visibleGraph(GRAPH, view).elements.filter(
        (e) => e.group === 'nodes' && !e.classes.includes('collapsed'),
      );
      for (const n of leaves) {
        const label = String(n.data.label);
        const names = [label, ...(GRAPH.nodeById.get(n.data.id)?.aliases ?? [])];
        const shown = names.filter((name) => text.includes(words(name).split(' ')[0]!));
        expect(shown, `page ${i + 1}: ${label}`).not.toEqual([]);
      }
    }
  }, 180_000);

  it('downloads from the export dialog as a zip of PNG frames, one per step', async () => {
    const { page, session } = await openApp(`${STORY_LINK}&step=4`);
    try {
      await waitForStep(page, 4, STORY.steps.length);
      const before = page.url();
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const deck = page.getByRole('dialog', { name: 'Export image' }).getByTestId('story-deck');
      await deck.getByLabel('As').selectOption('zip');
      await deck.getByLabel('Paper').selectOption('a4');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        deck.getByTestId('deck-download').click(),
      ]);
      expect(download.suggestedFilename()).toBe('us-iran-2023-10_twin-messages.zip');
      await expect(deck.getByRole('status').innerText()).resolves.toContain(
        `${STORY.steps.length} PNG frames`,
      );
      const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
      const names = Object.keys(files).sort();
      expect(names).toHaveLength(STORY.steps.length);
      expect(names[0]).toBe('01-strikes-on-iran-s-depots-in-syria.png');
      for (const name of names) {
        const img = decodePng(Buffer.from(files[name]!));
        expect([img.width, img.height], name).toEqual([1240, 1754]);
        expect(inkRatio(img, [255, 255, 255]), name).toBeGreaterThan(0.02);
      }
      // The explorer is back where it was: the fourth step.
      await page.keyboard.press('Escape');
      await waitForStep(page, 4, STORY.steps.length);
      expect(page.url()).toBe(before);
    } finally {
      await session.close();
    }
  }, 150_000);
});

describe('the embedded page', () => {
  it('shows the graph without the explorer’s chrome, the legend, details on click and a link out', async () => {
    const { page, session } = await openApp('?embed=1&g=us-iran-2023-10', { width: 900, height: 560 });
    try {
      await expect(page.getByTestId('embed').isVisible()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: 'Export', exact: true }).count()).resolves.toBe(0);
      await expect(page.getByPlaceholder(/Search actors/).count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'Legend' }).click();
      await expect(page.getByTestId('shown-counts').innerText()).resolves.toMatch(/Showing 33 of 33 actors/);
      await page.getByRole('button', { name: 'Legend' }).click();
      const iran = (await drawnNodes(page)).find((n) => n.id === 'hezbollah')!;
      await page.mouse.click(iran.x, iran.y);
      await expect
        .poll(() => page.getByRole('region', { name: 'Details' }).locator('h2').innerText())
        .toBe('Hezbollah');
      const link = page.getByTestId('open-full');
      await expect(link.getAttribute('target')).resolves.toBe('_blank');
      await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
      const href = new URL((await link.getAttribute('href'))!, page.url());
      expect(href.searchParams.get('sel')).toBe('n:hezbollah');
      expect(href.searchParams.has('embed')).toBe(false);
      expect(query(page).get('embed')).toBe('1');
    } finally {
      await session.close();
    }
  });

  it('plays a story with its step controls, inside an iframe of another page', async () => {
    const { page, session } = await openApp('?embed=1&g=us-iran-2023-10', { width: 1000, height: 700 });
    try {
      const src = new URL('?embed=1&story=twin-messages', inject('baseUrl')).href;
      // A page of another origin (another port), with no policy of its own, frames the embed.
      const article = createServer((_req, res) => {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(
          `<!doctype html><title>An article</title><p>The article.</p><iframe src="${src}" width="960" height="600" title="Actor Graph"></iframe>`,
        );
      });
      await new Promise<void>((ok) => article.listen(0, '127.0.0.1', ok));
      onTestFinished(() => void article.close());
      await page.goto(`http://127.0.0.1:${(article.address() as AddressInfo).port}/article.html`);
      const frame = page.frameLocator('iframe[title="Actor Graph"]');
      await frame.getByTestId('story-counter').waitFor();
      await expect(frame.getByTestId('story-counter').innerText()).resolves.toBe(
        `Step 1 of ${STORY.steps.length}`,
      );
      await expect(frame.getByTestId('story-caption').innerText()).resolves.toBe(STORY.steps[0]!.caption);
      await frame.getByTestId('story-next').click();
      await expect(frame.getByTestId('story-step-title').innerText()).resolves.toBe(STORY.steps[1]!.title);
      await expect(frame.getByTestId('story-claims').innerText()).resolves.toContain('According to');
      const href = new URL((await frame.getByTestId('open-full').getAttribute('href'))!, src);
      expect(href.searchParams.get('story')).toBe('twin-messages');
      expect(href.searchParams.get('step')).toBe('2');
      expect(href.searchParams.get('iso')).toBe('iran');
      expect(href.searchParams.has('embed')).toBe(false);
      // The frame draws the graph.
      const f = page.frames().find((x) => x.url().startsWith(src.split('?')[0]!) && x !== page.mainFrame())!;
      await f.waitForFunction(() => {
        const v = (window as unknown as { actorGraphView?: { counts(): { nodes: number } } }).actorGraphView;
        return !!v && v.counts().nodes > 0;
      });
      await expect(frame.getByTestId('time-label').innerText()).resolves.toBe('27 Oct 2023');
    } finally {
      await session.close();
    }
  });
});
