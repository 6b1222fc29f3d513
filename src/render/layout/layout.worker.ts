// Runs a layout off the main thread: the page measures each actor's box, the worker computes the
// positions on a headless Cytoscape (the same computeLayout as everywhere) and posts them back.
import { computeLayout, type LayoutInput, type Position } from './computeLayout';

export interface LayoutJob {
  id: number;
  input: LayoutInput;
}

export type LayoutReply = { id: number; positions: Record<string, Position> } | { id: number; error: string };

self.onmessage = (event: MessageEvent<LayoutJob>) => {
  const { id, input } = event.data;
  try {
    const positions = computeLayout(input);
    (self as unknown as Worker).postMessage({ id, positions } satisfies LayoutReply);
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, error: (err as Error).message } satisfies LayoutReply);
  }
};
