// Moving the selection from actor to actor by keyboard: which drawn actors a line joins to the
// selection, which of them lies in an arrow key's direction on screen, and their order round it.
import type { GraphElement } from '../elements';

/** An element's place on screen, in px (y grows downwards). */
export interface ScreenPoint {
  id: string;
  x: number;
  y: number;
}

export type Heading = 'left' | 'right' | 'up' | 'down';

const UNIT: Record<Heading, { x: number; y: number }> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

/**
 * The actors joined to the drawn element `id` by a drawn line, each once, in the order of the
 * elements. For a drawn line (a claim or a bundle) they are its two ends. Empty for an id not drawn.
 */
export function drawnNeighbours(elements: readonly GraphElement[], id: string): string[] {
  const found = new Set<string>();
  for (const el of elements) {
    if (el.group !== 'edges') continue;
    const { source, target } = el.data;
    if (el.data.id === id) {
      found.add(source).add(target);
    } else if (source === id && target !== id) found.add(target);
    else if (target === id && source !== id) found.add(source);
  }
  return [...found];
}

/**
 * Of `candidates`, the one an arrow key towards `heading` goes to from `from`: among those within
 * about 63° of the heading (no further aside than twice as far ahead), the one with the least
 * distance ahead plus twice the distance aside, so a point straight ahead beats one as near but off
 * to the side. Every point lies within 45° of some heading, so each can be reached by one arrow or
 * another. Undefined when none lies that way.
 */
export function nearestInDirection(
  from: Omit<ScreenPoint, 'id'>,
  candidates: readonly ScreenPoint[],
  heading: Heading,
): string | undefined {
  const u = UNIT[heading];
  let best: { id: string; score: number } | undefined;
  for (const c of candidates) {
    const dx = c.x - from.x;
    const dy = c.y - from.y;
    const ahead = dx * u.x + dy * u.y;
    const aside = Math.abs(dx * u.y - dy * u.x);
    if (ahead <= 0 || aside > 2 * ahead) continue;
    const score = ahead + 2 * aside;
    if (!best || score < best.score) best = { id: c.id, score };
  }
  return best?.id;
}

/** `candidates` in clockwise order round `from`, starting straight above it (12 o'clock). */
export function clockwise(from: Omit<ScreenPoint, 'id'>, candidates: readonly ScreenPoint[]): string[] {
  // Angle from 12 o'clock, clockwise on screen (y down), in [0, 2π).
  const angle = (c: ScreenPoint) => {
    const a = Math.atan2(c.x - from.x, -(c.y - from.y));
    return a < 0 ? a + 2 * Math.PI : a;
  };
  return [...candidates]
    .map((c) => ({ id: c.id, a: angle(c), d: Math.hypot(c.x - from.x, c.y - from.y) }))
    .sort((p, q) => p.a - q.a || p.d - q.d || p.id.localeCompare(q.id))
    .map((c) => c.id);
}
