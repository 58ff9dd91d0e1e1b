// DimensionsAndSaddles' sampling plan, page side: how many matrices each batch draws, how long a job will take
// (from the cost model, refined by the throughput measured so far), and how long the running one has left.
import { goeCostMs, initialSamples } from '../../../lib/experiments/goe-stats.ts';

/** A job estimated to take longer than this asks for confirmation before it starts. */
export const LONG_JOB_MS = 60_000;

/** Matrices per n drawn by batch `k` (k = 0 is the capped first batch the build also paints). */
export const batchSamples = (k: number, maxN: number, samples: number): number => (k === 0 ? initialSamples(maxN, samples) : samples);

/**
 * Measured ms over modelled ms of the batches run so far (1 before any): this machine's speed relative to the
 * cost model. Only batches that took long enough to time are counted, so a 3 ms batch does not set the pace.
 */
export interface Pace {
  measuredMs: number;
  modelMs: number;
}
export const NO_PACE: Pace = { measuredMs: 0, modelMs: 0 };
export const paceFactor = (p: Pace): number => (p.modelMs > 0 && p.measuredMs > 200 ? p.measuredMs / p.modelMs : 1);
export const addPace = (p: Pace, measuredMs: number, modelMs: number): Pace => ({
  measuredMs: p.measuredMs + measuredMs,
  modelMs: p.modelMs + modelMs,
});

/** Estimated ms to sample batches `from` … `to − 1`. */
export function jobMs(maxN: number, samples: number, from: number, to: number, pace: Pace = NO_PACE): number {
  let ms = 0;
  for (let k = from; k < to; k++) ms += goeCostMs(maxN, batchSamples(k, maxN, samples));
  return ms * paceFactor(pace);
}

export interface RunningBatch {
  maxN: number;
  samples: number;
  /** The batch running now and the number wanted in all. */
  batch: number;
  target: number;
  /** Its progress (0 … 1) and the ms since it started. */
  fraction: number;
  elapsedMs: number;
}

/**
 * Ms left until the job ends, from the running batch's own throughput: the rest of it at the rate it has shown,
 * and the batches after it scaled by the same rate. Null until the batch has run long enough to judge (a few
 * percent or half a second).
 */
export function timeLeftMs(r: RunningBatch): number | null {
  if (!(r.fraction > 0) || (r.fraction < 0.02 && r.elapsedMs < 500)) return null;
  const thisModel = goeCostMs(r.maxN, batchSamples(r.batch, r.maxN, r.samples));
  const rate = r.elapsedMs / r.fraction / thisModel;
  const rest = jobMs(r.maxN, r.samples, r.batch + 1, r.target);
  return Math.max(0, rate * (thisModel * (1 - r.fraction) + rest));
}

/** A duration the way a status line says it: whole seconds under two minutes, then minutes, then hours. */
export function durationParts(ms: number): { unit: 's' | 'min' | 'h'; value: number } {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 120) return { unit: 's', value: s };
  const min = Math.round(s / 60);
  if (min < 120) return { unit: 'min', value: min };
  return { unit: 'h', value: Math.round(min / 6) / 10 };
}
