// LocalMinimumProbe's page-side logic, pure: the state and θ, keys and drags on the fit, probe bins, the least loss on D1.
import { SWIRSZCZ_SETS } from '../../../lib/data/swirszcz-regression.ts';
import type { Theta4 } from '../../../lib/models/relu-unit.ts';
import type { ProbeResult } from '../../../lib/experiments/relu-probe.ts';
import type { StateOf } from '../shared/fields.ts';
import { fields, PARAMS, type ProbeFields } from './fields.ts';

export type State = StateOf<ProbeFields>;

/** The least loss of any θ on D1 (the data module's global minimum, found by a scan over every kink position). */
export const D1_GLOBAL_MIN = Math.min(...SWIRSZCZ_SETS.d1.reference.map((r) => r.loss));
/** The losses of D1's two reference points (18 and 14), marked on the descent chart. */
export const D1_REFERENCE_LOSSES = SWIRSZCZ_SETS.d1.reference.map((r) => r.loss);

export const thetaOf = (s: State): Theta4 => PARAMS.map((k) => s[k]) as Theta4;
export const withTheta = (s: State, theta: readonly number[]): State => ({
  ...s,
  ...Object.fromEntries(PARAMS.map((k, i) => [k, theta[i]!])),
});

/** θ kept inside the fields' range [−20, 20] (a drag or a descent may end outside it). */
export const clampTheta = (theta: readonly number[]): Theta4 =>
  PARAMS.map((k, i) => Math.min(fields[k].max, Math.max(fields[k].min, theta[i]!))) as Theta4;

/** Keys and drags move θ on a 10⁻⁶ grid, so returning to a point lands exactly on it (kink included). */
export const snap = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * θ after an arrow key on the fit: ←/→ move the kink −b/w by `step` at fixed w (b → b − w·d; b itself when w = 0),
 * ↑/↓ move c by `step`. Null for any other key.
 */
export function keyMove(theta: Theta4, key: string, step: number): Theta4 | null {
  const [w, b, v, c] = theta;
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const d = key === 'ArrowRight' ? step : -step;
    return [w, snap(w === 0 ? b + d : b - w * d), v, c];
  }
  if (key === 'ArrowUp' || key === 'ArrowDown') return [w, b, v, snap(c + (key === 'ArrowUp' ? step : -step))];
  return null;
}

/** θ with the hinge (kink, c) under the point (x, y) of the chart, to 0.01: b = −w·x, c = y (w, v unchanged). */
export function dragTheta(theta: Theta4, x: number, y: number): Theta4 {
  const round = (t: number) => Math.round(t * 100) / 100;
  const [w, b, v] = theta;
  return [w, w === 0 ? b : snap(-w * round(x)), v, round(y)];
}

/** Whether a probe result belongs to this θ (a newer θ makes it stale). */
export const probeFits = (p: ProbeResult | null | undefined, theta: readonly number[]): p is ProbeResult =>
  !!p && p.analysis.theta.every((t, i) => t === theta[i]);

export interface Bin {
  x0: number;
  x1: number;
  count: number;
  /** Every value in the bin is below 0 (bins never straddle 0). */
  negative: boolean;
}

/** Histogram of ΔL in about `n` bins whose edges include 0, so no bin mixes rises and falls. */
export function probeBins(deltas: readonly number[], n = 30): Bin[] {
  let lo = 0,
    hi = 0;
  for (const d of deltas) {
    lo = Math.min(lo, d);
    hi = Math.max(hi, d);
  }
  const span = hi - lo || Math.max(Math.abs(hi), 1e-12);
  const h = span / n;
  const first = Math.floor(lo / h);
  const last = Math.max(first + 1, Math.ceil(hi / h));
  const bins: Bin[] = [];
  for (let k = first; k < last; k++) bins.push({ x0: k * h, x1: (k + 1) * h, count: 0, negative: k < 0 });
  for (const d of deltas) bins[Math.min(bins.length - 1, Math.max(0, Math.floor(d / h) - first))]!.count++;
  return bins;
}

/** The probe as CSV: one row per random step, in sampling order. */
export const probeCsv = (probe: ProbeResult | null): string =>
  `${['probe,delta_L', ...(probe ? probe.deltas.map((d, i) => `${i + 1},${d}`) : [])].join('\n')}\n`;
