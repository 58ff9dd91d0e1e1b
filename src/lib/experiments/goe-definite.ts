// Experiment: how often is a random symmetric (GOE) matrix positive definite? Counts for n = 1 … maxN, with 95% intervals.
//
// A critical point whose Hessian behaved like a GOE matrix would be a minimum only if all n eigenvalues came out
// positive. For n = 1 that is a coin flip (1/2); for n = 2 it is (2 − √2)/4 ≈ 0.146 (derivation at
// `exactPositiveDefinite`); for large n Dean & Majumdar (Phys. Rev. Lett. 97, 160201, 2006) showed it falls like
// exp(−θ n²) with θ = (ln 3)/4 ≈ 0.2747 (to leading order in the exponent), i.e. 3^(−n²/4).
import { z } from 'zod';
import { count } from '../config/numbers.ts';
import { goeMatrix } from '../linalg/random-matrix.ts';
import { isPositiveDefinite } from '../linalg/cholesky.ts';
import { createScheduler } from '../train/scheduler.ts';
import { defineExperiment, fmt } from './types.ts';

import { GOE_MAX_N, GOE_MAX_SAMPLES, goeStats, type GoeCount, type GoeDefiniteResult } from './goe-stats.ts';

export * from './goe-stats.ts';

export const goeDefiniteConfig = z.strictObject({
  /** Largest matrix size; every n from 1 to maxN is sampled. */
  maxN: count('maxN', GOE_MAX_N).default(12),
  /** Matrices drawn for each n. */
  samples: count('samples', GOE_MAX_SAMPLES).default(2000),
});
export type GoeDefiniteConfig = z.output<typeof goeDefiniteConfig>;

/**
 * Standard normals drawn between two ticks of the scheduler: about 40 µs of work, so the clock is read rarely next
 * to 1×1 matrices and still often next to 40×40 ones (one matrix per tick from n = 64 up).
 */
export const NORMALS_PER_TICK = 4096;

export const goeDefinite = defineExperiment({
  id: 'goe-definite',
  description: 'Fraction of n×n GOE matrices that are positive definite (Cholesky), n = 1…maxN, with Wilson 95% intervals.',
  source: 'Lecture "Saddle point or local minimum?"; Dean & Majumdar, Phys. Rev. Lett. 97, 160201 (2006)',
  configSchema: goeDefiniteConfig,
  async run(config, ctx): Promise<GoeDefiniteResult> {
    const { maxN, samples } = config;
    const rows: GoeCount[] = [];
    const total = (samples * maxN * (maxN + 1) * (2 * maxN + 1)) / 6;
    let before = 0;
    const scheduler = createScheduler(ctx.signal);
    const work = new Float64Array(maxN * maxN);
    const report = (stage: string, drawn: number) =>
      ctx.onProgress?.({
        fraction: drawn / total,
        stage,
        partial: { maxN, samplesPerN: samples, rows: rows.map((r) => ({ ...r })) } satisfies GoeDefiniteResult,
      });
    for (let n = 1; n <= maxN; n++) {
      const row: GoeCount = { n, samples: 0, positiveDefinite: 0 };
      rows.push(row);
      const perTick = Math.max(1, Math.floor(NORMALS_PER_TICK / (n * n)));
      for (let s = 0; s < samples; s++) {
        if (isPositiveDefinite(goeMatrix(n, ctx.rng), n, work)) row.positiveDefinite++;
        row.samples++;
        if (row.samples % perTick === 0)
          await scheduler.tick(() => report(`n = ${n}: ${row.samples} of ${samples} matrices`, before + row.samples * n * n));
      }
      before += samples * n * n;
      report(`n = ${n} done`, before);
    }
    return { maxN, samplesPerN: samples, rows };
  },
  summarize: (r) =>
    goeStats(r.rows).map(
      (s) =>
        `n = ${s.n}: ${s.positiveDefinite} of ${s.samples} positive definite` +
        (s.zero ? ` (< ${fmt(s.upper, 3)} at 95%)` : `, fraction ${fmt(s.fraction)} [${fmt(s.lower, 3)}, ${fmt(s.upper, 3)}]`) +
        (s.exact === null ? '' : `, exact ${fmt(s.exact)}`) +
        `, exp(−θn²) ${fmt(s.asymptotic, 3)}`,
    ),
});
