// The Web Worker that opens graph files off the main thread, so a large file never freezes the page:
// it runs the one loader (src/core/formats/load.ts, which needs no DOM) and the CSV preview, and
// posts back their results, which are structured-clone safe. Cancelling is terminating the worker.
import { runInThread, type WorkerRequest, type WorkerResponse } from './loadRequests';

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  let response: WorkerResponse;
  try {
    response = runInThread(event.data);
  } catch (err) {
    response = { type: 'failed', message: (err as Error)?.message ?? String(err) };
  }
  self.postMessage(response);
};
