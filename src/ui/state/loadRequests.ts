// What the main thread asks the loading worker (./loadWorker.ts) and what it answers, and the
// function that asks: one request at a time, each in a fresh worker that `cancel` terminates.
import { csvPreview, type CsvPreview } from '../../core/formats/csv';
import {
  loadGraphFile,
  type FileInput,
  type LoadFileResult,
  type LoadOptions,
} from '../../core/formats/load';

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

/** What the worker does, done here: when the worker cannot be started (offline, its script not cached). */
export function runInThread(request: WorkerRequest): WorkerResponse {
  return request.type === 'load'
    ? { type: 'load', result: loadGraphFile(request.input, request.options) }
    : { type: 'preview', previews: request.inputs.map((input) => csvPreview(input, request.rows)) };
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
      if (!cancelled) setTimeout(() => settle(runInThread(request)), 0);
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
