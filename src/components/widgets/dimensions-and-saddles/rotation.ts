// The slicing line's motion: the Rotate animation's angle over time, and the arrow keys on the map.
/** One half-turn of the rotate animation, in ms; with reduced motion the line jumps 15° at a time instead. */
const HALF_TURN_MS = 7000;

/**
 * The slicing angle `elapsed` ms into a half-turn that started at `from` degrees (taken mod 180°); with reduced
 * motion it jumps 15° every half second. At the end the line is back where it started, rounded to a degree.
 */
export function rotationAngle(from: number, elapsed: number, reducedMotion: boolean): { angle: number; finished: boolean } {
  // A frame's timestamp may precede the moment the animation started: never turn backwards.
  const t = Math.max(0, elapsed);
  const turned = reducedMotion ? 15 * Math.floor(t / 500) : (180 * t) / HALF_TURN_MS;
  if (turned >= 180) return { angle: Math.round(from) % 180, finished: true };
  return { angle: Number(((from + turned) % 180).toFixed(2)), finished: false };
}

/**
 * The angle after an arrow key on the map, or null for other keys. → and ↑ turn the line counter-clockwise (the
 * angle grows), as they move the slider; ← and ↓ turn it back; 1° a press, 15° with Shift, wrapping 180° ≡ 0°.
 */
export function keyAngle(angle: number, key: string, shift: boolean): number | null {
  const step = shift ? 15 : 1;
  const d = ({ ArrowRight: step, ArrowUp: step, ArrowLeft: -step, ArrowDown: -step } as Record<string, number>)[key];
  if (d === undefined) return null;
  const next = Math.round(angle + d);
  return next < 0 ? next + 180 : next > 180 ? next - 180 : next;
}
