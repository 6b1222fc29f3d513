// What the loading worker does with a request: the one loader (src/core/formats/load.ts, which needs
// no DOM) or the CSV preview. Run in the worker, or on the main thread when no worker can start.
import { csvPreview } from '../../core/formats/csv';
import { loadGraphFile } from '../../core/formats/load';
import type { WorkerRequest, WorkerResponse } from './loadRequests';

export function runRequest(request: WorkerRequest): WorkerResponse {
  return request.type === 'load'
    ? { type: 'load', result: loadGraphFile(request.input, request.options) }
    : { type: 'preview', previews: request.inputs.map((input) => csvPreview(input, request.rows)) };
}
