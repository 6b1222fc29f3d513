import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Story, StoryStep } from '../model';
import { loadGraphText } from '../validate';
import { defaultView } from '../view/viewState';
import { testGraph } from '../view/testGraph';
import {
  addStep,
  addStory,
  deleteStep,
  deleteStory,
  describeStory,
  moveStep,
  newStoryId,
  renameStory,
  toggleCite,
  updateStep,
} from './edit';
import { hiddenCitations, stepQuery, stepView } from './stepView';
import { replaceStories, saveStories } from './storyFile';

const step = (title: string, extra: Partial<StoryStep> = {}): StoryStep => ({
  title,
  caption: `Caption of ${title}.`,
  cites: [],
  view: '',
  ...extra,
});
const ids = (s: Story) => s.steps.map((x) => x.title);

describe('editing stories', () => {
  it('makes readable ids that no other story has', () => {
    expect(newStoryId('The twin messages', [])).toBe('the-twin-messages');
    expect(newStoryId('  Iran’s proxies: 2023! ', [])).toBe('iran-s-proxies-2023');
    expect(newStoryId('Über Öl', [])).toBe('uber-ol');
    expect(newStoryId('…', [])).toBe('story');
    const taken = addStory(addStory([], 'Proxies', step('a')), 'Proxies', step('b'));
    expect(taken.map((s) => s.id)).toEqual(['proxies', 'proxies-2']);
    expect(newStoryId('x'.repeat(200), []).length).toBe(60);
  });

  it('adds, renames, describes and deletes stories, leaving the input as it was', () => {
    const one = addStory([], ' Proxies ', step('first'));
    expect(one).toEqual([{ id: 'proxies', title: 'Proxies', steps: [step('first')] }]);
    const renamed = renameStory(one, 'proxies', 'Iran’s proxies');
    expect(renamed[0]!.title).toBe('Iran’s proxies');
    expect(renamed[0]!.id).toBe('proxies');
    expect(one[0]!.title).toBe('Proxies');
    const described = describeStory(renamed, 'proxies', ' Who attacks whom. ');
    expect(described[0]!.description).toBe('Who attacks whom.');
    expect('description' in describeStory(described, 'proxies', ' ')[0]!).toBe(false);
    expect(deleteStory(described, 'proxies')).toEqual([]);
  });

  it('adds, moves, changes and deletes steps', () => {
    let s = addStory([], 'S', step('a'));
    s = addStep(s, 's', step('c'));
    s = addStep(s, 's', step('b'), 1);
    expect(ids(s[0]!)).toEqual(['a', 'b', 'c']);
    expect(ids(moveStep(s, 's', 0, 2)[0]!)).toEqual(['b', 'c', 'a']);
    expect(ids(moveStep(s, 's', 2, 0)[0]!)).toEqual(['c', 'a', 'b']);
    expect(ids(moveStep(s, 's', 1, 99)[0]!)).toEqual(['a', 'c', 'b']);
    expect(moveStep(s, 's', 7, 0)).toEqual(s);
    const changed = updateStep(s, 's', 1, { caption: 'New.' });
    expect(changed[0]!.steps[1]).toEqual({ ...step('b'), caption: 'New.' });
    expect(ids(deleteStep(s, 's', 1)[0]!)).toEqual(['a', 'c']);
    // The only step of a story stays: the story is deleted instead.
    expect(deleteStep(addStory([], 'T', step('only')), 't', 0)[0]!.steps).toHaveLength(1);
    expect(ids(s[0]!)).toEqual(['a', 'b', 'c']);
  });

  it('cites and uncites claims in the order they were cited', () => {
    let s = addStory([], 'S', step('a'));
    s = toggleCite(s, 's', 0, 'x');
    s = toggleCite(s, 's', 0, 'y');
    expect(s[0]!.steps[0]!.cites).toEqual(['x', 'y']);
    expect(toggleCite(s, 's', 0, 'x')[0]!.steps[0]!.cites).toEqual(['y']);
  });
});

describe('what a step shows', () => {
  const graph = testGraph();

  it('reads its view for the graph, whatever graph the query names', () => {
    const { view, problems } = stepView(graph, step('a', { view: 'g=other&sel=n:iran&depth=2' }));
    expect(problems).toEqual([]);
    expect(view).toEqual({
      ...defaultView('test'),
      selected: { type: 'node', id: 'iran' },
      focus: { depth: 2, direction: 'both' },
    });
  });

  it('finds the cited claims its own filters, time or isolation hide', () => {
    const cites = ['iran-backs-hezbollah', 'us-strikes-irgc', 'iran-supplies-russia'];
    expect(hiddenCitations(graph, step('all', { cites }))).toEqual([]);
    // Undated claims are hidden once a time is chosen; Russia is outside Hezbollah's neighbourhood.
    expect(hiddenCitations(graph, step('t', { cites, view: 't=asOf:2023-10-27' }))).toEqual([
      'iran-backs-hezbollah',
    ]);
    expect(hiddenCitations(graph, step('i', { cites, view: 'iso=hezbollah' }))).toEqual([
      'us-strikes-irgc',
      'iran-supplies-russia',
    ]);
    expect(hiddenCitations(graph, step('c', { cites, view: 'hc=material-conflict' }))).toEqual([
      'us-strikes-irgc',
    ]);
    expect(hiddenCitations(graph, step('x', { cites: ['no-such-claim'] }))).toEqual(['no-such-claim']);
  });

  it('counts a claim drawn in a bundle or through a collapsed group as shown', () => {
    const cites = ['us-deters-iran', 'us-threatens-iran', 'quds-supplies-militias'];
    expect(hiddenCitations(graph, step('b', { cites, view: 'col=iran' }))).toEqual([]);
  });

  it('writes the current view as a step query without the graph and the defaults', () => {
    const view = { ...defaultView('test'), selected: { type: 'node' as const, id: 'iran' } };
    expect(stepQuery(graph, view)).toBe('sel=n%3Airan');
    expect(stepQuery(graph, view, { zoom: 1.5, x: 10, y: -20 })).toBe('sel=n%3Airan&vp=1.5%2C10%2C-20');
    const q = stepQuery(graph, { ...view, time: { mode: 'asOf', to: '2023-10-27', undated: 'hide' } });
    expect(stepView(graph, step('r', { view: q })).view).toEqual({
      ...view,
      time: { mode: 'asOf', to: '2023-10-27', undated: 'hide' },
    });
  });
});

describe('saving stories into the file', () => {
  const fixture = readFileSync(new URL('../fixtures/valid-minimal.json', import.meta.url), 'utf8');
  const loaded = loadGraphText(fixture, 'f.json');
  if (!loaded.ok) throw new Error('the fixture does not load');
  const file = loaded.graph.file;
  const story: Story = {
    id: 'twin',
    title: 'Twin messages',
    steps: [
      {
        title: 'Deterrence',
        caption: 'The U.S. deters Iran.',
        cites: ['us-deters-iran'],
        view: 'sel=n%3Airan',
      },
    ],
  };

  it('changes only the stories, keeping every other byte as written', () => {
    const text = replaceStories(fixture, [story]);
    expect(text.slice(0, fixture.trimEnd().length - 2)).toBe(fixture.trimEnd().slice(0, -2));
    expect(JSON.parse(text)).toEqual({ ...JSON.parse(fixture), stories: [story] });
    // Replacing and removing again gives back the file as it was.
    const again = replaceStories(text, [{ ...story, title: 'Renamed' }]);
    expect(JSON.parse(again).stories[0].title).toBe('Renamed');
    expect(replaceStories(again, [])).toBe(fixture);
  });

  it('keeps the file’s own indentation and line ends', () => {
    const tabs = '{\r\n\t"a": [1, 2],\r\n\t"stories": [],\r\n\t"b": 2\r\n}\r\n';
    const out = replaceStories(tabs, [story]);
    expect(out.startsWith('{\r\n\t"a": [1, 2],\r\n\t"stories": [\r\n\t\t{\r\n\t\t\t"id": "twin",')).toBe(
      true,
    );
    expect(out.endsWith('\r\n\t],\r\n\t"b": 2\r\n}\r\n')).toBe(true);
    expect(replaceStories(tabs, [])).toBe('{\r\n\t"a": [1, 2],\r\n\t"b": 2\r\n}\r\n');
    expect(replaceStories('{"stories": []}', [])).toBe('{}');
    expect(JSON.parse(replaceStories('{}', [story]))).toEqual({ stories: [story] });
    expect(() => replaceStories('[1]', [story])).toThrow('not a JSON object');
  });

  it('validates the saved file and locates what is wrong', () => {
    const saved = saveStories({ text: fixture, file }, [story], 'f.json');
    expect(saved.ok).toBe(true);
    const bad: Story = {
      ...story,
      steps: [{ ...story.steps[0]!, cites: ['us-deters-iran', 'no-such-claim'], view: 'depth=9' }],
    };
    const failed = saveStories({ text: fixture, file }, [bad], 'f.json');
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown-claim', 'stories[0].steps[0].cites[1]'],
      ['bad-view', 'stories[0].steps[0].view'],
    ]);
    expect(failed.issues.every((i) => i.line !== undefined)).toBe(true);
  });

  it('writes the whole file when it was not opened from native text', () => {
    const saved = saveStories({ file }, [story], 'f.json');
    expect(saved.ok && JSON.parse(saved.text).stories).toEqual([story]);
  });
});
