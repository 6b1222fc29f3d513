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

/** A loader that runs every request in its own module worker, so cancelling one ends only it. */
export const workerLoader: Loader = {
  run(request) {
    const worker = new Worker(new URL('./loadWorker.ts', import.meta.url), { type: 'module' });
    let settle: (r: WorkerResponse) => void = () => undefined;
    const result = new Promise<WorkerResponse>((resolve) => (settle = resolve));
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      settle(e.data);
      worker.terminate();
    };
    worker.onerror = (e) => {
      e.preventDefault();
      settle({ type: 'failed', message: e.message || 'the loading worker could not start' });
      worker.terminate();
    };
    // The bytes are copied, not transferred: the caller keeps them for the recent files.
    worker.postMessage(request);
    return {
      result,
      cancel() {
        worker.terminate();
        settle({ type: 'failed', message: 'cancelled' });
      },
    };
  },
};
