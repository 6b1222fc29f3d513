// Editing a graph's stories: make, rename and delete stories, and add, change, move and delete their
// steps. Pure: every function returns new lists and leaves its input as it was.
import type { Story, StoryStep } from '../model';

/** Longest id made from a title. */
const MAX_SLUG = 60;

/**
 * A readable id for a story titled `title` that no story in `stories` has: its words in lower case
 * joined by hyphens ("The twin messages" → "the-twin-messages"), numbered when taken.
 */
export function newStoryId(title: string, stories: readonly Story[]): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '') // accents go: Ü → U
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_SLUG)
      .replace(/-+$/, '') || 'story';
  const taken = new Set(stories.map((s) => s.id));
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

/** Adds a story with its first step (a story has at least one). */
export function addStory(stories: readonly Story[], title: string, first: StoryStep): Story[] {
  return [...stories, { id: newStoryId(title, stories), title: title.trim(), steps: [first] }];
}

function mapStory(stories: readonly Story[], id: string, change: (s: Story) => Story): Story[] {
  return stories.map((s) => (s.id === id ? change(s) : s));
}

/** Gives a story a new title (its id, which links name, stays). */
export function renameStory(stories: readonly Story[], id: string, title: string): Story[] {
  return mapStory(stories, id, (s) => ({ ...s, title: title.trim() }));
}

/** Sets or (when empty) removes a story's description. */
export function describeStory(stories: readonly Story[], id: string, description: string): Story[] {
  return mapStory(stories, id, (s) => {
    const { description: _old, ...rest } = s;
    return description.trim() ? { ...rest, description: description.trim() } : rest;
  });
}

export function deleteStory(stories: readonly Story[], id: string): Story[] {
  return stories.filter((s) => s.id !== id);
}

/** Inserts `step` at `at` (default: after the last step). */
export function addStep(stories: readonly Story[], id: string, step: StoryStep, at?: number): Story[] {
  return mapStory(stories, id, (s) => {
    const steps = [...s.steps];
    steps.splice(at === undefined ? steps.length : Math.max(0, Math.min(at, steps.length)), 0, step);
    return { ...s, steps };
  });
}

/** Changes fields of the step at `index`. */
export function updateStep(
  stories: readonly Story[],
  id: string,
  index: number,
  patch: Partial<StoryStep>,
): Story[] {
  return mapStory(stories, id, (s) => ({
    ...s,
    steps: s.steps.map((step, i) => (i === index ? { ...step, ...patch } : step)),
  }));
}

/** Moves the step at `from` to `to` (both clamped to the story). */
export function moveStep(stories: readonly Story[], id: string, from: number, to: number): Story[] {
  return mapStory(stories, id, (s) => {
    if (from < 0 || from >= s.steps.length) return s;
    const steps = [...s.steps];
    const [step] = steps.splice(from, 1);
    steps.splice(Math.max(0, Math.min(to, steps.length)), 0, step!);
    return { ...s, steps };
  });
}

/** Deletes the step at `index`; a story's only step stays (delete the story instead). */
export function deleteStep(stories: readonly Story[], id: string, index: number): Story[] {
  return mapStory(stories, id, (s) =>
    s.steps.length <= 1 ? s : { ...s, steps: s.steps.filter((_, i) => i !== index) },
  );
}

/** Adds or removes one cited claim of a step, keeping the order claims were cited in. */
export function toggleCite(stories: readonly Story[], id: string, index: number, claim: string): Story[] {
  return mapStory(stories, id, (s) => ({
    ...s,
    steps: s.steps.map((step, i) => {
      if (i !== index) return step;
      const cites = step.cites.includes(claim)
        ? step.cites.filter((c) => c !== claim)
        : [...step.cites, claim];
      return { ...step, cites };
    }),
  }));
}
