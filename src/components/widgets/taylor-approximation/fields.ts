// TaylorApproximation's fields: the direction d (2-D) and the distance s along it. The props table holds both as
// the page author sets them; the live table (liveFields) is what the page reads from links and inputs, where s
// ranges over ±radius, a range the props fix per widget.
import { defineFields } from '../shared/fields.ts';

/** Largest radius a widget may look out to (the props' `radius`). */
export const RADIUS_MAX = 4;

export const fields = defineFields({
  angle: {
    kind: 'number',
    min: 0,
    max: 360,
    default: 45,
    url: 'angle',
    label: 'angle',
    step: 1,
    doc: 'Direction d in 2-D, in degrees from the w₁ axis.',
  },
  distance: {
    kind: 'number',
    min: -RADIUS_MAX,
    max: RADIUS_MAX,
    default: 0.5,
    // In the URL as `s`, through liveFields: there its range is the widget's own ±radius.
    url: false,
    label: 'distance',
    step: 0.01,
    doc: 'Where the slider starts: the distance s from θ′, within ±radius.',
  },
});

/** What the live table needs from the props. */
export interface LiveProps {
  mode: '1d' | '2d';
  radius: number;
  distance: number;
  angle: number;
}

/**
 * The fields the page reads and writes: s over [−radius, radius] in steps of radius/100 (the slider's), defaulting
 * to the props' distance; in 2-D also the angle, defaulting to the props' angle.
 */
export function liveFields(p: LiveProps) {
  const s = { ...fields.distance, min: -p.radius, max: p.radius, default: p.distance, url: 's', step: p.radius / 100 };
  const angle = { ...fields.angle, default: p.angle };
  return p.mode === '2d' ? defineFields({ s, angle }) : defineFields({ s });
}

export type LiveFields = ReturnType<typeof liveFields>;

/** An angle turned by `delta` degrees by a key: it wraps around, staying in [0, 360]. */
export function turn(angle: number, delta: number): number {
  const a = angle + delta;
  return Number((a > 360 ? a - 360 : a < 0 ? a + 360 : a).toFixed(6));
}
