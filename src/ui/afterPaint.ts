// Work that can wait for the next picture: a click's highlight on the canvas is drawn first, and
// what follows it (the details panel's cards) is built once that frame is on screen.

/**
 * Runs `fn` after the next frame has been painted: a requestAnimationFrame callback runs just
 * before the frame is drawn (after Cytoscape's own, requested a frame earlier), and a task posted
 * from it runs once the frame is done. Returns a function that cancels it if it has not run.
 */
export function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
