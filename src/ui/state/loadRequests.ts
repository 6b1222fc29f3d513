// What the main thread asks the loading worker (./loadWorker.ts) and what it answers, and the
// function that asks: one request at a time, each in a fresh worker that `cancel` terminates.
import type { CsvPreview } from '../../core/formats/csv';
import type { FileInput, LoadFileResult, LoadOptions } from '../../core/formats/load';

export type WorkerRequest =
  | { type: 'load'; input: FileInput; options: LoadOptions }
  | { type: 'preview'; inputs: FileInput[]; rows: number };

export type WorkerResponse =
  | { type: 'load'; result: LoadFileResult }
  | { type: 'preview'; previews: CsvPreview[] }
  | { type: 'failed'; message: string };

/** Runs requests somewhere: in a worker in the browser, in-process in tests. */
export interface Loader {
  run(request: WorkerRequest): { result: Promise<WorkerResponse>; cancel(): void };
}

/**
 * What the worker does, done here: when the worker cannot be started (offline, its script not
 * cached). The parsers load only then, so they stay out of the page's start-up bundle.
 */
async function runInThread(request: WorkerRequest): Promise<WorkerResponse> {
  const { runRequest } = await loadInThread();
  return runRequest(request);
}

let inThread: Promise<typeof import('./runRequest')> | undefined;
const loadInThread = () => (inThread ??= import('./runRequest'));

/**
 * Loads the parsers into the page ahead of need, so a recent file still opens when the network is
 * gone (the worker's script and the parsers' chunk could not be fetched then). Called once the page
 * is idle, and only when there are recent files to open.
 */
export function prepareOffline(): void {
  void loadInThread().catch(() => (inThread = undefined));
}

/**
 * A loader that runs every request in its own module worker, so cancelling one ends only it. When
 * the worker cannot start (offline, with its script not in the cache, a recent file still opens),
 * the request runs on the main thread instead.
 */
export const workerLoader: Loader = {
  run(request) {
    const worker = new Worker(new URL('./loadWorker.ts', import.meta.url), { type: 'module' });
    let settle: (r: WorkerResponse) => void = () => undefined;
    let cancelled = false;
    const result = new Promise<WorkerResponse>((resolve) => (settle = resolve));
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      settle(e.data);
      worker.terminate();
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      // Give the page a frame to show what is happening before it is busy.
      if (!cancelled) {
        setTimeout(() => {
          runInThread(request).then(settle, (err: unknown) =>
            settle({ type: 'failed', message: (err as Error)?.message ?? String(err) }),
          );
        }, 0);
      }
    };
    // The bytes are copied, not transferred: the caller keeps them for the recent files.
    worker.postMessage(request);
    return {
      result,
      cancel() {
        cancelled = true;
        worker.terminate();
        settle({ type: 'failed', message: 'cancelled' });
      },
    };
  },
};
