// The benchmark's probe: injected (as a classic script, before the page's own scripts) into every
// measured page. It records the frames the subject draws, long tasks and inputs, hands the graph text
// over, and answers the runner's questions. It imports nothing at run time.
import type { Frame, Input, LoadOptions, Probe, Response, Subject } from './protocol';

(() => {
  let staged: { text: string; options: LoadOptions } | undefined;
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  /** Resolves when `test` holds, checked after every frame, input and long task, and every `every` ms. */
  const until = (test: () => boolean, every = 100) =>
    new Promise<void>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const check = () => {
        clearTimeout(timer);
        const i = waiters.indexOf(check);
        if (i >= 0) waiters.splice(i, 1);
        if (test()) {
          resolve();
          return;
        }
        waiters.push(check);
        timer = setTimeout(check, every);
      };
      check();
    });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const lastActivity = () =>
    Math.max(
      probe.frames.at(-1)?.t ?? 0,
      probe.inputs.at(-1)?.t ?? 0,
      ...probe.longTasks.slice(-3).map((t) => t.start + t.duration),
    );
  // Frames are reported from inside the subject's drawing callback (a requestAnimationFrame task);
  // a message posted from there runs once the browser has finished that frame's main-thread work.
  const channel = new MessageChannel();
  const pending: { drawnAt: number; shown: boolean }[] = [];
  channel.port1.onmessage = () => {
    const { drawnAt, shown } = pending.shift()!;
    const frame: Frame = { drawnAt, t: performance.now(), shown };
    probe.frames.push(frame);
    if (probe.readyAt === undefined && shown) probe.readyAt = frame.t;
    wake();
  };

  /** The longest of the long tasks that pass `test` (0 if none). */
  const longestOf = (test: (t: { start: number; duration: number }) => boolean) =>
    probe.longTasks.reduce((longest, t) => (test(t) ? Math.max(longest, t.duration) : longest), 0);
  /** The last moment the subject's background layout was seen running (sampled every 50 ms). */
  let backgroundUntil: number | undefined;
  const probe: Probe = {
    frames: [],
    longTasks: [],
    inputs: [],
    register(subject: Subject) {
      probe.subject = subject;
      const first = window.__benchFirstGraph;
      if (first === undefined) return;
      delete window.__benchFirstGraph;
      const failed = (e: unknown) => (probe.error = e instanceof Error ? e.message : String(e));
      try {
        void Promise.resolve(subject.load(first, { probeNodeId: '', filterKind: '', filterLabel: '' })).catch(
          failed,
        );
      } catch (e) {
        failed(e);
      }
    },
    drawn() {
      let shown = false;
      try {
        shown = probe.subject?.shown() ?? false;
      } catch {
        // a subject between two graphs: this frame does not count as showing one
      }
      pending.push({ drawnAt: performance.now(), shown });
      channel.port2.postMessage(0);
    },
    stage(text, options) {
      staged = { text, options };
    },
    start() {
      setTimeout(() => {
        const { text, options } = staged!;
        staged = undefined; // the subject keeps what it needs; the heap should not count the text twice
        probe.t0 = performance.now();
        backgroundUntil = undefined;
        // Sampled between tasks, so the task that applies the finished layout falls after the last sample.
        const sample = setInterval(() => {
          const running = probe.subject?.layoutInBackground?.();
          if (running) backgroundUntil = performance.now();
          else if (running === false && backgroundUntil !== undefined) clearInterval(sample);
        }, 50);
        const failed = (e: unknown) => {
          probe.error = e instanceof Error ? e.message : String(e);
          wake();
        };
        try {
          void Promise.resolve(probe.subject!.load(text, options)).catch(failed);
        } catch (e) {
          failed(e);
        }
      }, 0);
    },
    async firstPicture() {
      await until(() => probe.error !== undefined || probe.t0 !== undefined);
      const t0 = probe.t0!;
      let frame: Frame | undefined;
      await until(() => {
        frame = probe.frames.find((f) => f.drawnAt > t0 && f.shown);
        return frame !== undefined || probe.error !== undefined;
      });
      if (probe.error !== undefined) throw new Error(probe.error);
      return frame!.t - t0;
    },
    async finalPicture(quietMs) {
      await probe.settle(quietMs);
      const last = probe.frames.findLast((f) => f.shown);
      return last!.t - probe.t0!;
    },
    async settle(quietMs) {
      await probe.subject!.layoutDone();
      await probe.quiet(quietMs);
    },
    async quiet(ms) {
      for (;;) {
        const idle = performance.now() - lastActivity();
        if (idle >= ms) return;
        await sleep(ms - idle);
      }
    },
    async response(type, index, quietMs): Promise<Response> {
      let input: Input | undefined;
      await until(() => {
        input = probe.inputs.slice(index).find((i) => i.type === type);
        return input !== undefined;
      });
      const { t, handledAt } = input!;
      await until(() => probe.frames.some((f) => f.drawnAt > handledAt));
      await probe.quiet(quietMs);
      const after = probe.frames.filter((f) => f.drawnAt > handledAt);
      return { first: after[0]!.t - t, last: after.at(-1)!.t - t };
    },
    longestTask(from, to) {
      return longestOf((t) => t.start + t.duration >= from && t.start <= to);
    },
    longestWhileBackground(firstMs) {
      if (backgroundUntil === undefined || probe.subject?.layoutInBackground === undefined) return undefined;
      const from = probe.t0! + firstMs;
      const until = backgroundUntil;
      return longestOf((t) => t.start >= from && t.start <= until);
    },
    webglRenderer() {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return 'no WebGL 2';
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    },
  };

  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    wake();
  }).observe({ type: 'longtask', buffered: true });
  for (const type of ['wheel', 'mousedown', 'mouseup', 'click']) {
    addEventListener(
      type,
      (e) => {
        probe.inputs.push({ type, t: e.timeStamp, handledAt: performance.now() });
        wake();
      },
      { capture: true, passive: true },
    );
  }
  window.__bench = probe;
})();
