// Opening graphs from outside the app: the Open dialog's picker, drag and drop, a paste, a recent
// file and `?file=<url>` all end in `#load`, which runs the one loader (src/core/formats/load.ts)
// in a worker, shows progress after a second with a Cancel, and then either shows the graph or the
// located problems, leaving the graph on screen as it was. CSV files go through a mapping step first.
import type { CsvPreview } from '../../core/formats/csv';
import type { CsvMapping } from '../../core/formats/csvMapping';
import { formatBytes } from '../../core/formats/input';
import { FORMATS, sniffFormat } from '../../core/formats/formatInfo';
import { DEFAULT_LIMITS, type FileInput } from '../../core/formats/input';
import type { LoadOptions } from '../../core/formats/load';
import { ID_PATTERN } from '../../core/model';
import type { Graph, GraphIssue } from '../../core/validate';
import { BUNDLED_GRAPHS } from '../graphs';
import type { ExplorerState } from './explorer.svelte';
import type { Loader, WorkerResponse } from './loadRequests';
import type { RecentFile, RecentFiles, RecentMeta } from './recentFiles';

/** Progress is shown once opening has taken this long. */
export const PROGRESS_DELAY_MS = 1000;
const CSV_EXTENSIONS = new Set(FORMATS.csv.extensions);

/** A file being opened, for the progress overlay. */
export interface OpenTask {
  label: string;
  cancel(): void;
}

/** One table of the CSV mapping step. */
export interface CsvTable {
  role: 'edges' | 'nodes';
  input: FileInput;
  headers: string[];
  rows: string[][];
  delimiter: string;
  mapping: CsvMapping;
  /** The mapping was remembered from an earlier table with the same headers. */
  remembered: boolean;
}

export interface CsvStep {
  tables: CsvTable[];
  url?: string;
}

/**
 * The id an opened graph is shown under: the file's own (made readable if it is not), and never a
 * bundled graph's, whose saved views and links it would otherwise take over (`-opened` is added).
 */
export function openedGraphId(
  id: string,
  bundled: readonly string[] = BUNDLED_GRAPHS.map((g) => g.name.replace(/\.json$/, '')),
): string {
  let out = ID_PATTERN.test(id)
    ? id
    : id
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60)
        .replace(/-+$/, '');
  if (!ID_PATTERN.test(out)) out = 'opened';
  return bundled.includes(out) ? `${out}-opened` : out;
}

/** The name a pasted text is opened under, by its format: `pasted.gexf`. */
export function pastedName(text: string): string {
  const format = sniffFormat('pasted', text);
  const ext = format === 'native' ? 'json' : format === 'cytoscape' ? 'cyjs' : (format ?? 'xml');
  return `pasted.${ext}`;
}

function extensionOf(name: string): string {
  return /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
}

const sizeOf = (input: FileInput) => input.bytes?.length ?? new TextEncoder().encode(input.text ?? '').length;

export interface OpenerEnvironment {
  loader: Loader;
  storage?: Storage;
  recent?: RecentFiles;
  fetch?: typeof fetch;
  /** The page's address, to resolve relative `?file=` URLs. */
  base?: string;
}

export class GraphOpener {
  /** The file being opened, while it is. */
  task = $state.raw<OpenTask | undefined>(undefined);
  /** Whether opening has taken long enough to show progress (and Cancel). */
  slow = $state(false);
  /** The CSV mapping step, while it is open. */
  csv = $state<CsvStep | undefined>(undefined);
  /** The remembered files, most recent first. */
  recent = $state.raw<RecentMeta[]>([]);
  /** The Open dialog. */
  dialogOpen = $state(false);
  dialogTab = $state<'file' | 'paste' | 'link' | 'recent'>('file');

  readonly #explorer: ExplorerState;
  readonly #env: OpenerEnvironment;
  readonly #recent: RecentFiles | undefined;
  #slowTimer: ReturnType<typeof setTimeout> | undefined;
  /** The CSV mapping step's code, loaded with the first CSV file (not part of the start-up script). */
  #csvTools: typeof import('./csvTools') | undefined;

  constructor(explorer: ExplorerState, env: OpenerEnvironment) {
    this.#explorer = explorer;
    this.#env = env;
    this.#recent = env.recent;
  }

  /** Reads the recent files for the menu. */
  async refreshRecent(): Promise<void> {
    this.recent = (await this.#recent?.list()) ?? [];
  }

  showDialog(tab: GraphOpener['dialogTab'] = 'file'): void {
    this.dialogTab = tab;
    this.dialogOpen = true;
  }

  /**
   * Opens picked or dropped files: one graph file, or a CSV edges file with an optional nodes file
   * (which go through the mapping step). Files over the size limit are refused before being read.
   */
  async openFiles(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    this.dialogOpen = false;
    const tooBig = files.find((f) => f.size > DEFAULT_LIMITS.maxBytes);
    if (tooBig) {
      this.#fail(
        [
          {
            code: 'too-large',
            file: tooBig.name,
            path: '',
            message: `the file is ${formatBytes(tooBig.size)}; files up to ${formatBytes(DEFAULT_LIMITS.maxBytes)} can be opened`,
          },
        ],
        tooBig.name,
      );
      return;
    }
    const csv = files.filter((f) => CSV_EXTENSIONS.has(extensionOf(f.name)));
    const inputs = async (list: readonly File[]) =>
      Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    if (csv.length > 0 && csv.length === files.length && csv.length <= 2) {
      await this.#csvStep(await inputs(csv));
      return;
    }
    const [first] = files.filter((f) => !CSV_EXTENSIONS.has(extensionOf(f.name)));
    const chosen = first ?? files[0]!;
    if (files.length > 1) {
      this.#explorer.notices.push(
        `One graph opens at a time: ${chosen.name} was opened and ${files.length - 1} other file${files.length === 2 ? ' was' : 's were'} left (a CSV nodes file goes with its edges file, two CSV files together).`,
      );
    }
    const [input] = await inputs([chosen]);
    await this.#load(input!, {}, {});
  }

  /** Opens pasted text: JSON, GEXF, GraphML or CSV (which goes through the mapping step). */
  async openText(text: string): Promise<void> {
    if (text.trim() === '') return;
    this.dialogOpen = false;
    const name = pastedName(text);
    if (sniffFormat(name, text) === 'csv') {
      await this.#csvStep([{ name, text }]);
      return;
    }
    await this.#load({ name, text }, {}, {});
  }

  /**
   * Opens the graph at `url` (same origin, or a server that allows other sites to read it), keeping
   * `file=` in the address so the link opens it again; `query` is the view the link names. A CSV
   * opens with its remembered mapping or the guessed one. Resolves false when nothing was opened.
   */
  async openUrl(
    url: string,
    query?: URLSearchParams,
    history: 'push' | 'replace' | 'none' = 'replace',
  ): Promise<boolean> {
    this.dialogOpen = false;
    let absolute: URL;
    try {
      absolute = new URL(url, this.#env.base);
    } catch {
      this.#fail(
        [issue('unknown-format', url, 'this is not an address (URL) a graph can be fetched from')],
        url,
      );
      return false;
    }
    if (absolute.protocol !== 'https:' && absolute.protocol !== 'http:') {
      this.#fail([issue('unsafe-url', url, 'only http and https addresses can be opened')], url);
      return false;
    }
    const name = decodeURIComponent(absolute.pathname.split('/').pop() || '') || 'graph';
    const label = `Fetching ${name}…`;
    const controller = new AbortController();
    this.#begin({ label, cancel: () => controller.abort() });
    let bytes: Uint8Array;
    try {
      const response = await (this.#env.fetch ?? fetch)(absolute.href, { signal: controller.signal });
      if (!response.ok)
        throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
      const length = Number(response.headers.get('content-length'));
      if (length > DEFAULT_LIMITS.maxBytes) {
        controller.abort();
        throw new SizeError(
          `the file is ${formatBytes(length)}; files up to ${formatBytes(DEFAULT_LIMITS.maxBytes)} can be opened`,
        );
      }
      const type = response.headers.get('content-type') ?? '';
      if (/text\/html/i.test(type) && !/\.html?$/i.test(name)) {
        controller.abort();
        throw new PageError();
      }
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (err) {
      this.#end();
      if (err instanceof PageError) {
        this.#fail(
          [
            issue(
              'unknown-format',
              absolute.href,
              'the address gave a web page (text/html), not a graph file: is the address right?',
            ),
          ],
          absolute.href,
        );
        return false;
      }
      if (controller.signal.aborted && !(err instanceof SizeError)) {
        this.#explorer.notices.push(`Opening ${name} was cancelled; the graph on screen is unchanged.`);
        return false;
      }
      const why =
        err instanceof SizeError || /server answered/.test((err as Error).message)
          ? (err as Error).message
          : 'the address could not be reached, or its server does not let other sites read it (CORS), or it is not https';
      this.#fail(
        [
          issue(
            err instanceof SizeError ? 'too-large' : 'internal-error',
            absolute.href,
            `could not fetch the graph: ${why}`,
          ),
        ],
        absolute.href,
      );
      return false;
    }
    this.#end();
    const input: FileInput = { name, bytes };
    const options: LoadOptions = {};
    if (CSV_EXTENSIONS.has(extensionOf(name))) {
      const step = await this.#previews([input]);
      if (!step) return false;
      options.csv = { edges: step.tables[0]!.mapping };
    }
    return this.#load(input, options, { url: absolute.href, ...(query ? { query } : {}), history });
  }

  /** Opens a remembered file, offline. `query` is a link's view of it. Resolves false if it is gone. */
  async openRecent(
    id: string,
    query?: URLSearchParams,
    history: 'push' | 'replace' | 'none' = 'push',
  ): Promise<boolean> {
    const file = await this.#recent?.get(id);
    if (!file) {
      await this.refreshRecent();
      return false;
    }
    const [main, nodes] = file.files;
    const options: LoadOptions = { format: file.format };
    if (nodes) options.nodes = { name: nodes.name, bytes: nodes.bytes };
    if (file.csv) options.csv = file.csv;
    return this.#load({ name: main!.name, bytes: main!.bytes }, options, {
      ...(query ? { query } : {}),
      history,
      ...(file.url ? { url: file.url } : {}),
    });
  }

  async forgetRecent(id?: string): Promise<void> {
    if (id === undefined) await this.#recent?.forgetAll();
    else await this.#recent?.forget(id);
    await this.refreshRecent();
  }

  /** The CSV step's Open: loads with the chosen mappings and remembers them for these headers. */
  async confirmCsv(): Promise<void> {
    if (!this.csv) return;
    // A plain copy: the worker cannot be sent the state's proxies.
    const step = $state.snapshot(this.csv);
    this.csv = undefined;
    const edges = step.tables.find((t) => t.role === 'edges');
    const nodes = step.tables.find((t) => t.role === 'nodes');
    if (!edges) return;
    const { rememberMapping } = this.#csvTools!; // loaded with the step (#previews)
    for (const t of step.tables) rememberMapping(this.#env.storage, t.role, t.headers, t.mapping);
    const options: LoadOptions = {
      format: 'csv',
      csv: { edges: edges.mapping, ...(nodes ? { nodes: nodes.mapping } : {}) },
    };
    if (nodes) options.nodes = nodes.input;
    await this.#load(edges.input, options, step.url ? { url: step.url } : {});
  }

  cancelCsv(): void {
    this.csv = undefined;
  }

  /** Swaps which of two CSV files is the edges file and which the nodes file, guessing their mappings anew. */
  swapCsvRoles(): void {
    const step = this.csv;
    if (!step || step.tables.length !== 2) return;
    const { recallMapping, guessCsvMapping } = this.#csvTools!; // loaded with the step (#previews)
    for (const t of step.tables) {
      t.role = t.role === 'edges' ? 'nodes' : 'edges';
      t.mapping =
        recallMapping(this.#env.storage, t.role, t.headers) ?? guessCsvMapping(t.headers, t.role, t.rows);
    }
    step.tables.sort((a, b) => (a.role === 'edges' ? -1 : b.role === 'edges' ? 1 : 0));
  }

  /** Replaces a table's remembered mapping with the one its headers suggest. */
  guessCsvMapping(index: number): void {
    const t = this.csv?.tables[index];
    if (!t) return;
    t.mapping = this.#csvTools!.guessCsvMapping(t.headers, t.role, t.rows); // loaded with the step
    t.remembered = false;
  }

  /** Previews CSV files and opens the mapping step (edges file first). */
  async #csvStep(inputs: FileInput[]): Promise<void> {
    const step = await this.#previews(inputs);
    if (step) this.csv = step;
  }

  async #previews(inputs: FileInput[]): Promise<CsvStep | undefined> {
    const label = `Reading ${inputs.map((i) => i.name).join(' and ')}…`;
    const [response, tools] = await Promise.all([
      this.#run({ type: 'preview', inputs, rows: 5 }, label),
      import('./csvTools').catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
    ]);
    if (tools instanceof Error) {
      const file = inputs[0]!.name;
      this.#fail(
        [issue('internal-error', file, `the CSV step could not be loaded (${tools.message})`)],
        file,
      );
      return undefined;
    }
    this.#csvTools = tools;
    const { recallMapping, guessCsvMapping } = tools;
    if (!response) return undefined;
    if (response.type !== 'preview') {
      this.#failed(response, inputs[0]!.name);
      return undefined;
    }
    const previews = response.previews;
    const bad = previews.flatMap((p) => (p.ok ? [] : p.issues));
    if (bad.length > 0) {
      this.#fail(bad, inputs[0]!.name);
      return undefined;
    }
    const ok = previews as Extract<CsvPreview, { ok: true }>[];
    // Which file holds the relations: the one with source and target columns, else its name says.
    let edgesAt = 0;
    if (ok.length === 2) {
      const edgeTables = ok.map((p, i) => (p.table === 'edges' ? i : -1)).filter((i) => i >= 0);
      if (edgeTables.length === 1) edgesAt = edgeTables[0]!;
      else if (/node/i.test(inputs[0]!.name) || /edge/i.test(inputs[1]!.name)) edgesAt = 1;
    }
    const tables: CsvTable[] = ok.map((p, i) => {
      const role = i === edgesAt ? 'edges' : 'nodes';
      const remembered = recallMapping(this.#env.storage, role, p.headers);
      return {
        role,
        input: inputs[i]!,
        headers: p.headers,
        rows: p.rows,
        delimiter: p.delimiter,
        mapping: remembered ?? (p.table === role ? p.mapping : guessCsvMapping(p.headers, role, p.rows)),
        remembered: remembered !== undefined,
      };
    });
    tables.sort((a, b) => (a.role === 'edges' ? -1 : b.role === 'edges' ? 1 : 0));
    return { tables };
  }

  /**
   * The one path every way of opening ends in: load in the worker, then show the graph (remembering
   * the file) or the problems. Resolves true when the graph was shown.
   */
  async #load(
    input: FileInput,
    options: LoadOptions,
    how: { url?: string; query?: URLSearchParams; history?: 'push' | 'replace' | 'none' },
  ): Promise<boolean> {
    const files = [input, ...(options.nodes ? [options.nodes] : [])];
    const bytes = files.reduce((n, f) => n + sizeOf(f), 0);
    const label = `Opening ${files.map((f) => f.name).join(' and ')} (${formatBytes(bytes)})…`;
    const response = await this.#run({ type: 'load', input, options }, label);
    if (!response) return false;
    if (response.type !== 'load') {
      this.#failed(response, input.name);
      return false;
    }
    const result = response.result;
    if (!result.ok) {
      this.#fail(result.issues, input.name);
      return false;
    }
    const id = openedGraphId(result.graph.file.id);
    const graph: Graph =
      id === result.graph.file.id ? result.graph : { ...result.graph, file: { ...result.graph.file, id } };
    this.#explorer.showOpened(
      graph,
      { type: 'opened', name: input.name, format: result.format, ...(how.url ? { url: how.url } : {}) },
      {
        warnings: result.warnings,
        ...(how.query ? { query: how.query } : {}),
        history: how.history ?? 'push',
      },
    );
    const remembered: RecentFile = {
      id,
      title: graph.file.title,
      name: input.name,
      format: result.format,
      bytes,
      openedAt: Date.now(),
      files: files.map((f) => ({ name: f.name, bytes: f.bytes ?? new TextEncoder().encode(f.text ?? '') })),
      ...(options.csv ? { csv: options.csv } : {}),
      ...(how.url ? { url: how.url } : {}),
    };
    const note = await this.#recent?.remember(remembered);
    if (note) this.#explorer.notices.push(note);
    await this.refreshRecent();
    return true;
  }

  /** Runs a request in the loader with progress; undefined when cancelled. */
  async #run(request: Parameters<Loader['run']>[0], label: string): Promise<WorkerResponse | undefined> {
    this.task?.cancel();
    let cancelled = false;
    const job = this.#env.loader.run(request);
    this.#begin({
      label,
      cancel: () => {
        cancelled = true;
        job.cancel();
      },
    });
    const response = await job.result;
    this.#end();
    if (cancelled) {
      this.#explorer.notices.push(
        `${label.replace(/…$/, '')} was cancelled; the graph on screen is unchanged.`,
      );
      return undefined;
    }
    return response;
  }

  #begin(task: OpenTask): void {
    clearTimeout(this.#slowTimer);
    this.task = task;
    this.slow = false;
    this.#slowTimer = setTimeout(() => (this.slow = true), PROGRESS_DELAY_MS);
  }

  #end(): void {
    clearTimeout(this.#slowTimer);
    this.task = undefined;
    this.slow = false;
  }

  #failed(response: Extract<WorkerResponse, { type: 'failed' }> | { type: string }, file: string): void {
    const message = 'message' in response ? String(response.message) : 'an unexpected answer';
    this.#fail([issue('internal-error', file, `the file could not be read (${message})`)], file);
  }

  #fail(issues: GraphIssue[], file: string): void {
    this.#explorer.showLoadIssues(issues, file);
  }
}

class SizeError extends Error {}
class PageError extends Error {}

function issue(code: GraphIssue['code'], file: string, message: string): GraphIssue {
  return { code, file, path: '', message };
}

/** The format a file name suggests, for the picker's `accept`. */
export const ACCEPTED_EXTENSIONS = [
  ...new Set(Object.values(FORMATS).flatMap((f) => f.extensions.map((e) => `.${e}`))),
].join(',');
