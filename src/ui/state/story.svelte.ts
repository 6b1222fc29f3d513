// Story mode and the story editor: which story and step are shown (the address bar carries them as
// `story=<id>&step=<n>` beside the step's view), stepping through them, and the stories as edited,
// recorded from the explorer's view and saved back into the graph file.
import type { Story, StoryStep } from '../../core/model';
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
} from '../../core/stories/edit';
import { stepQuery } from '../../core/stories/stepView';
import type { Graph, GraphIssue } from '../../core/validate';
import { decodeStoryRef, encodeStoryRef } from '../../core/view/permalink';
import type { ViewState, Viewport } from '../../core/view/viewState';
import type { ExplorerState } from './explorer.svelte';

type History = 'push' | 'replace' | 'none';

/** Query parameters that are not part of a view: a link holding only these names no view of its own. */
const NOT_VIEW = new Set(['g', 'graph', 'file', 'story', 'step', 'embed']);

/** Where story mode and the explorer stood, to come back to after stepping through a story. */
export interface StorySnapshot {
  active: StoryState['active'];
  view: ViewState;
  camera: Viewport | undefined;
  panelTab: ExplorerState['panelTab'];
}

/** A graph's stories as edited in the editor (see StoryState.#drafts). */
interface StoryDraft {
  /** The file's stories when editing began. */
  base: Story[];
  /** The stories last saved to a file (`base` until then). */
  saved: Story[];
  stories: Story[];
}

export class StoryState {
  /**
   * The story shown and its step (counted from 0), on the graph it belongs to; undefined while
   * exploring freely. Another graph on screen ends it.
   */
  active = $state.raw<{ graph: Graph; story: string; step: number } | undefined>(undefined);
  /** Chrome-less page for an iframe (`?embed=1`). */
  readonly embed: boolean;
  /** The editor is open in the story panel. */
  editing = $state(false);
  /**
   * The stories as edited, per graph id, kept while the page is open: opening another graph and
   * coming back shows them again. A draft applies to a graph whose file holds the stories it started
   * from (`base`); `saved` is what was last downloaded or copied.
   */
  #drafts = $state.raw<ReadonlyMap<string, StoryDraft>>(new Map());
  /** Problems the last save found; the file was not saved. */
  saveIssues = $state.raw<GraphIssue[]>([]);
  readonly #explorer: ExplorerState;

  readonly stories: Story[] = $derived.by(() => {
    const graph = this.#explorer.graph;
    return this.#draftFor(graph)?.stories ?? graph?.file.stories ?? [];
  });
  readonly story: Story | undefined = $derived.by(() => {
    const active = this.active;
    if (!active || active.graph !== this.#explorer.graph) return undefined;
    return this.stories.find((s) => s.id === active.story);
  });
  readonly step: StoryStep | undefined = $derived.by(() =>
    this.active ? this.story?.steps[this.active.step] : undefined,
  );
  /** A story step is on screen. */
  readonly isOpen: boolean = $derived.by(() => this.step !== undefined);
  /** The stories were changed since the graph was loaded or last saved. */
  readonly dirty: boolean = $derived.by(() => {
    const draft = this.#draftFor(this.#explorer.graph);
    return !!draft && draft.stories !== draft.saved;
  });
  /** Some graph's story edits (the one on screen or another) are not saved. */
  readonly anyUnsaved: boolean = $derived.by(() =>
    [...this.#drafts.values()].some((d) => d.stories !== d.saved),
  );

  constructor(explorer: ExplorerState, search = '') {
    this.#explorer = explorer;
    this.embed = new URLSearchParams(search).get('embed') === '1';
    explorer.urlExtras = () => this.#extras();
  }

  /** What the address carries beside the view: `embed=1`, and the story and step shown. */
  #extras(): [string, string][] {
    const out: [string, string][] = this.embed ? [['embed', '1']] : [];
    if (this.isOpen && this.active) {
      out.push(...encodeStoryRef({ story: this.active.story, step: this.active.step + 1 }));
    }
    return out;
  }

  /** Marks step `step` of `story` as shown (on the graph on screen). */
  #mark(story: string, step: number): void {
    const graph = this.#explorer.graph;
    this.active = graph ? { graph, story, step } : undefined;
  }

  /** Rewrites the address for the view as it is (the story or step changed, not the view). */
  #rewriteUrl(): void {
    this.#explorer.setView(this.#explorer.view, 'replace');
  }

  /**
   * Opens the story step the address names (after the explorer opened its view). A link that names
   * a view of its own keeps it; one that names only the story shows the step's view.
   */
  start(search: string): void {
    const params = new URLSearchParams(search);
    const { ref, problems } = decodeStoryRef(params);
    this.#explorer.notices.push(...problems.map((p) => `Part of the link was ignored: ${p}.`));
    if (!ref) return;
    const story = this.stories.find((s) => s.id === ref.story);
    if (!story) {
      this.#explorer.notices.push(`This graph has no story "${ref.story}".`);
      return;
    }
    let step = ref.step - 1;
    if (step >= story.steps.length) {
      this.#explorer.notices.push(
        `The story “${story.title}” has ${story.steps.length} steps; its first is shown.`,
      );
      step = 0;
    }
    const ownView = [...params.keys()].some((k) => !NOT_VIEW.has(k));
    if (ownView && step === ref.step - 1) {
      this.#mark(story.id, step);
      this.#explorer.panelTab = 'story';
      this.#rewriteUrl();
    } else this.go(step, 'replace', story.id);
  }

  /** Follows Back and Forward: the explorer restored the view; the story and step follow the address. */
  restoreFromUrl(search: string): void {
    const params = new URLSearchParams(search);
    const { ref } = decodeStoryRef(params);
    const story = ref && this.stories.find((s) => s.id === ref.story);
    if (story && ref.step <= story.steps.length) {
      this.#mark(story.id, ref.step - 1);
      this.#explorer.panelTab = 'story';
      if (!params.has('vp')) this.#explorer.fit();
    } else this.active = undefined;
  }

  /** Shows step `index` of the open story (or of `storyId`): its view, camera and caption. */
  go(index: number, history: History = 'push', storyId = this.active?.story): void {
    const story = this.stories.find((s) => s.id === storyId);
    const step = story?.steps[index];
    if (!story || !step) return;
    this.#mark(story.id, index);
    this.#explorer.stop();
    this.#explorer.panelTab = 'story';
    const query = new URLSearchParams(step.view);
    this.#explorer.showQuery(query, history);
    if (!query.has('vp')) this.#explorer.fit();
  }

  /** Opens a story at its first step. */
  open(storyId: string): void {
    this.go(0, 'push', storyId);
  }

  next(): void {
    if (this.active && this.story && this.active.step < this.story.steps.length - 1)
      this.go(this.active.step + 1);
  }

  previous(): void {
    if (this.active && this.story && this.active.step > 0) this.go(this.active.step - 1);
  }

  /** Back to exploring: the view stays as the step left it; the address forgets the story. */
  close(): void {
    if (!this.active && !this.editing) return;
    this.active = undefined;
    this.editing = false;
    if (this.#explorer.panelTab === 'story') this.#explorer.panelTab = 'details';
    this.#rewriteUrl();
  }

  /** Where the story and the explorer stand now. */
  snapshot(): StorySnapshot {
    return {
      active: this.active,
      view: this.#explorer.view,
      camera: this.#explorer.camera,
      panelTab: this.#explorer.panelTab,
    };
  }

  /** Goes back to a snapshot without touching the address or the history. */
  restore(s: StorySnapshot): void {
    this.active = s.active;
    this.#explorer.setView(s.view, 'none');
    this.#explorer.camera = s.camera;
    this.#explorer.panelTab = s.panelTab;
    if (!s.camera) this.#explorer.fit();
  }

  // The editor. Every change makes a new list of stories (the draft); saving writes it into the file.

  #edit(stories: Story[]): void {
    const graph = this.#explorer.graph;
    if (!graph) return;
    const file = graph.file.stories ?? [];
    const draft = this.#draftFor(graph);
    this.#setDraft(graph.file.id, {
      base: draft?.base ?? file,
      saved: draft?.saved ?? file,
      stories,
    });
    this.saveIssues = [];
  }

  #setDraft(id: string, draft: StoryDraft): void {
    const drafts = new Map(this.#drafts);
    drafts.set(id, draft);
    this.#drafts = drafts;
  }

  /** The draft for `graph`, if it has one and its file still holds the stories the draft began from. */
  #draftFor(graph: Graph | undefined): StoryDraft | undefined {
    const draft = graph && this.#drafts.get(graph.file.id);
    if (!draft) return undefined;
    const file = graph.file.stories ?? [];
    return draft.base === file || JSON.stringify(draft.base) === JSON.stringify(file) ? draft : undefined;
  }

  /**
   * What to tell the user when `shown` replaced `left` on screen and `left`'s story edits, not
   * saved, are no longer shown: they are kept. Undefined when there is nothing to tell.
   */
  unsavedNotice(left: Graph | undefined, shown: Graph | undefined): string | undefined {
    const draft = this.#draftFor(left);
    if (!left || !draft || draft.stories === draft.saved || this.#draftFor(shown) === draft) return undefined;
    return `Your story edits on “${left.file.title}” are not saved. They are kept while this page stays open: open that graph again to save them.`;
  }

  /** The stories on screen were saved to a file (downloaded or copied): they are no longer unsaved. */
  markSaved(): void {
    const graph = this.#explorer.graph;
    const draft = this.#draftFor(graph);
    if (graph && draft) this.#setDraft(graph.file.id, { ...draft, saved: draft.stories });
  }

  /** Opens the editor on the story shown (or none). */
  startEditing(): void {
    this.editing = true;
    this.#explorer.panelTab = 'story';
  }

  stopEditing(): void {
    this.editing = false;
    if (!this.isOpen && this.#explorer.panelTab === 'story') this.#explorer.panelTab = 'details';
  }

  /** The explorer's view and camera as a step's view. */
  currentView(): string {
    const graph = this.#explorer.graph;
    return graph ? stepQuery(graph, this.#explorer.view, this.#explorer.camera) : '';
  }

  /** A new story whose first step is the current view; it opens on that step. */
  createStory(title: string, first: Omit<StoryStep, 'view'>): string {
    const id = newStoryId(title, this.stories);
    this.#edit(addStory(this.stories, title, { ...first, view: this.currentView() }));
    this.#mark(id, 0);
    this.#rewriteUrl();
    return id;
  }

  renameStory(id: string, title: string): void {
    this.#edit(renameStory(this.stories, id, title));
  }

  describeStory(id: string, description: string): void {
    this.#edit(describeStory(this.stories, id, description));
  }

  deleteStory(id: string): void {
    this.#edit(deleteStory(this.stories, id));
    if (this.active?.story === id) {
      this.active = undefined;
      this.#rewriteUrl();
    }
  }

  /** Records the current view as a new step after the one shown (or at the end); shows it. */
  recordStep(id: string, fields: Omit<StoryStep, 'view'>): void {
    const story = this.stories.find((s) => s.id === id);
    if (!story) return;
    const at = this.isOpen && this.active?.story === id ? this.active.step + 1 : story.steps.length;
    this.#edit(addStep(this.stories, id, { ...fields, view: this.currentView() }, at));
    this.#mark(id, at);
    this.#rewriteUrl();
  }

  updateStep(id: string, index: number, patch: Partial<StoryStep>): void {
    this.#edit(updateStep(this.stories, id, index, patch));
  }

  /** The step takes the view now on screen. */
  rerecordStep(id: string, index: number): void {
    this.updateStep(id, index, { view: this.currentView() });
  }

  toggleCite(id: string, index: number, claim: string): void {
    this.#edit(toggleCite(this.stories, id, index, claim));
  }

  /** Moves a step; the step shown stays shown wherever it goes. */
  moveStep(id: string, from: number, to: number): void {
    this.#edit(moveStep(this.stories, id, from, to));
    if (this.active?.story !== id) return;
    const last = (this.stories.find((s) => s.id === id)?.steps.length ?? 1) - 1;
    const at = Math.max(0, Math.min(to, last));
    const shown = this.active.step;
    const next =
      shown === from
        ? at
        : from < shown && at >= shown
          ? shown - 1
          : from > shown && at <= shown
            ? shown + 1
            : shown;
    if (next !== shown) {
      this.#mark(id, next);
      this.#rewriteUrl();
    }
  }

  /** Deletes a step; the story then shows the step that took its place. */
  deleteStep(id: string, index: number): void {
    this.#edit(deleteStep(this.stories, id, index));
    const story = this.stories.find((s) => s.id === id);
    if (!story || this.active?.story !== id) return;
    const shown = this.active.step;
    if (shown > index || shown >= story.steps.length) this.go(Math.max(0, shown - 1), 'replace');
    else if (shown === index) this.go(shown, 'replace');
  }

  /** The writer and validator of story files: loaded with the editor, not with the page. */
  #storyFile: typeof import('../../core/stories/storyFile') | undefined;
  async prepareSaving(): Promise<void> {
    this.#storyFile ??= await import('../../core/stories/storyFile');
  }

  /**
   * The graph file with the stories as edited, validated (once `prepareSaving` is done); undefined (and `saveIssues` set) when it
   * would not be a valid file. Everything else in the file stays as it was loaded.
   */
  savedFile(): { name: string; text: string } | undefined {
    const graph = this.#explorer.graph;
    if (!graph || !this.#storyFile) return undefined;
    const { saveStories } = this.#storyFile;
    const name = `${graph.file.id}.json`;
    const loaded = this.#explorer.loadedText;
    const text = loaded?.graph === graph ? loaded.text : undefined;
    const result = saveStories(
      { ...(text !== undefined ? { text } : {}), file: graph.file },
      this.stories,
      name,
    );
    if (!result.ok) {
      this.saveIssues = result.issues;
      return undefined;
    }
    this.saveIssues = [];
    return { name, text: result.text };
  }
}
