// What the benchmark's probe (injected into every measured page) and the subjects drawn on those
// pages (the app, bare Cytoscape, sigma.js) say to each other, and what the runner reads back.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ScreenNode {
  id: string;
  x: number; // page (client) coordinates, CSS px
  y: number;
}

export interface LoadOptions {
  probeNodeId: string; // a node of the graph handed over: frames that show it show that graph
  filterKind: string; // the actor kind the filter toggle hides and shows
  filterLabel: string; // how the app's legend names that kind
}

/** What a page registers with the probe for the thing it measures. */
export interface Subject {
  /** Starts drawing the native graph file in `text` (the subject parses it). */
  /** Hands the page a graph; a promise that rejects is the page refusing it. */
  load(text: string, options: LoadOptions): void | Promise<void>;
  /** Whether the frame the subject has just drawn shows the graph (before `load`: any graph). */
  shown(): boolean;
  /** Resolves once the subject's layout is final; the probe then waits for the last frame. */
  layoutDone(): Promise<void>;
  /** Leaf nodes drawn inside the canvas, most connected first. */
  nodesOnScreen(): ScreenNode[];
  /** The drawing area in page coordinates (wheel events go to its centre). */
  canvasBox(): Box;
  /** The selected node, if any. */
  selected(): string | null;
  /** What the runner should know about how the layout ended (e.g. how many iterations it ran). */
  layoutNote?(): string;
  /** True while the subject's layout computes off the main thread (a worker); pages without one leave it out. */
  layoutInBackground?(): boolean;
  /** Playwright selector of the control that hides (and again shows) the actors of `filterKind`. */
  filterSelector(options: LoadOptions): string;
}

export interface Frame {
  drawnAt: number; // when the subject drew it (its render callback), ms (performance.now)
  t: number; // when the main thread finished the frame, ms
  shown: boolean; // whether it showed the graph
}

export interface Input {
  type: string;
  t: number; // when the input happened (the event's timeStamp), ms
  handledAt: number; // when the page got to it, ms
}

export interface Response {
  first: number; // input → end of the first frame drawn after the page got the input, ms
  last: number; // input → end of the last frame before the page went still, ms
}

/** `window.__bench`: installed by probe.ts before any script of the page runs. */
export interface Probe {
  frames: Frame[];
  longTasks: { start: number; duration: number }[];
  inputs: Input[];
  subject?: Subject;
  /** End of the first frame showing the page's first graph (ms since navigation start). */
  readyAt?: number;
  /** When the graph text was handed to the subject (ms since navigation start). */
  t0?: number;
  error?: string;
  /**
   * Registers the page's subject. A page without a graph of its own (all but the app) is then handed
   * `window.__benchFirstGraph`, the graph the app opens by default, so every page starts the same way.
   */
  register(subject: Subject): void;
  /** Called by the subject each time it has drawn a frame (Cytoscape `render`, sigma `afterRender`). */
  drawn(): void;
  /** Keeps the text to hand over (so copying it into the page is not measured). */
  stage(text: string, options: LoadOptions): void;
  /** Hands the staged text to the subject in a task of its own; returns at once. */
  start(): void;
  /** ms from `t0` to the end of the first frame showing the graph. */
  firstPicture(): Promise<number>;
  /** ms from `t0` to the end of the last frame once the layout is final and the page still. */
  finalPicture(quietMs: number): Promise<number>;
  /** Resolves once the subject's layout is final and the page has been still for `quietMs`. */
  settle(quietMs: number): Promise<void>;
  /** Resolves once nothing was drawn, no long task ran and no input came for `ms`. */
  quiet(ms: number): Promise<void>;
  /**
   * Frames after the first input of `type` from `index` on (in `inputs`): waits for a frame drawn
   * after the page got the input, then until the page has been still for `quietMs`.
   */
  response(type: string, index: number, quietMs: number): Promise<Response>;
  /** Longest task (ms) overlapping [from, to] (ms since navigation start); 0 if none was long. */
  longestTask(from: number, to: number): number;
  /**
   * Longest task (ms) that started after the first picture (`firstMs` after `t0`) while the subject's
   * layout was still computing off the main thread; undefined when it has no such layout.
   */
  longestWhileBackground(firstMs: number): number | undefined;
  /** The WebGL renderer as the driver names it (WEBGL_debug_renderer_info). */
  webglRenderer(): string;
}

declare global {
  interface Window {
    __bench: Probe;
    /** Native graph text for the pages that do not open one by themselves (set by an init script). */
    __benchFirstGraph?: string;
  }
}
