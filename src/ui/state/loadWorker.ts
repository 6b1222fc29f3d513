// The Web Worker that opens graph files off the main thread, so a large file never freezes the page:
// it runs the one loader (src/core/formats/load.ts, which needs no DOM) and the CSV preview, and
// posts back their results, which are structured-clone safe. Cancelling is terminating the worker.
import { csvPreview } from '../../core/formats/csv';
import { loadGraphFile } from '../../core/formats/load';
import type { WorkerRequest, WorkerResponse } from './loadRequests';

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  let response: WorkerResponse;
  try {
    response =
      request.type === 'load'
        ? { type: 'load', result: loadGraphFile(request.input, request.options) }
        : { type: 'preview', previews: request.inputs.map((input) => csvPreview(input, request.rows)) };
  } catch (err) {
    response = { type: 'failed', message: (err as Error)?.message ?? String(err) };
  }
  self.postMessage(response);
};
