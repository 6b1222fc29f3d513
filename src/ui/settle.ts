// Waiting for the canvas to be still: drawn, no animation running, and no actor moving for a few
// frames. The renderer, the tests and the story deck wait on this before capturing a picture.
import type { GraphView } from '../render/graphView';
import { sceneSettled } from '../render/scene';

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Resolves once `view()` draws something and nothing moves; rejects after `timeoutMs`. */
export async function whenStill(view: () => GraphView | undefined, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  await document.fonts.ready;
  let still = 0;
  let last = '';
  while (Date.now() < end) {
    await frame();
    const v = view();
    // sceneSettled first: it asks the cheap layout/drawing flags before anything walks every element.
    if (!v || !sceneSettled(v) || v.counts().nodes === 0) {
      still = 0;
      continue;
    }
    const now = JSON.stringify(v.positions());
    still = now === last ? still + 1 : 0;
    last = now;
    if (still >= 3) return;
  }
  throw new Error('The graph did not settle in time.');
}
