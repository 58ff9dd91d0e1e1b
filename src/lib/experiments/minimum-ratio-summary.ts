// The summary of the minimum-ratio sweep (minimum-ratio.ts): per network its loss, gradient norm and minimum ratios
// (the homework's λ > 0 and ours λ > τ), and over all networks the homework's rule against the second-order test.
import { MR_HW_GRAD, MR_HW_RATIO, MR_TAU, MR_TAU_GRID, MR_TAU_INDEX } from './minimum-ratio-limits.ts';
import type { MrJob, MrJobResult, MrNetwork, MrPoint, MrSummary } from './minimum-ratio-schema.ts';
import type { DoneJob } from './sweep.ts';
import { fmt } from './types.ts';

export * from './minimum-ratio-schema.ts';

export interface MrSummaryConfig {
  runs: number;
  blocks: number;
  hidden: number;
  samples: number;
  frequency: number;
  trainSteps: number;
  trainLr: number;
  criticalSteps: number;
  criticalLr: number;
  gradStop: number;
}

const asc = (a: number, b: number) => a - b;
function stats(values: number[]): { min: number | null; median: number | null; max: number | null } {
  const s = [...values].sort(asc);
  if (!s.length) return { min: null, median: null, max: null };
  return { min: s[0]!, median: (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2, max: s.at(-1)! };
}

/** λ_min ≥ −certificate, allowing the eigensolver's rounding (a few ulps of λ_max times P). */
export const certifies = (n: MrNetwork, P: number) => n.lambdaMin >= -n.certificate - 64 * P * Number.EPSILON * Math.abs(n.lambdaMax);

export function summarizeMinimumRatio(c: MrSummaryConfig, done: DoneJob<MrJob, MrJobResult>[]): MrSummary {
  const P = 3 * c.hidden + 1;
  const nets = done.flatMap((d) => d.result.networks);
  const ok = nets.filter((n) => n.state !== 'diverged');
  const ratioAt = (n: MrNetwork, k: number) => n.positive[k]! / P;
  const hwRule = (n: MrNetwork, k: number) => n.gradNorm < MR_HW_GRAD && ratioAt(n, k) > MR_HW_RATIO;
  const points: MrPoint[] = nets.map((n) => ({
    loss: n.loss,
    gradNorm: n.gradNorm,
    ratioZero: ratioAt(n, 0),
    ratio: ratioAt(n, MR_TAU_INDEX),
    negative: n.negative[MR_TAU_INDEX]!,
    lambdaMin: n.lambdaMin,
    certificate: n.certificate,
    hwZero: hwRule(n, 0),
    hw: hwRule(n, MR_TAU_INDEX),
    dead: n.dead,
    state: n.state,
  }));
  let extreme: MrSummary['extreme'] = null;
  for (const n of ok) {
    if (extreme && ratioAt(n, 0) <= extreme.ratioZero) continue;
    const neg = n.negative[MR_TAU_INDEX]!,
      pos = n.positive[MR_TAU_INDEX]!;
    extreme = {
      ratioZero: ratioAt(n, 0),
      ratio: pos / P,
      negativeShare: neg / P,
      zeroShare: (P - pos - neg) / P,
      gradNorm: n.gradNorm,
      lambdaMin: n.lambdaMin,
    };
  }
  const count = (f: (n: MrNetwork) => boolean) => ok.filter(f).length;
  return {
    setting: {
      hidden: c.hidden,
      parameters: P,
      samples: c.samples,
      frequency: c.frequency,
      trainSteps: c.trainSteps,
      trainLr: c.trainLr,
      criticalSteps: c.criticalSteps,
      criticalLr: c.criticalLr,
      gradStop: c.gradStop,
      tau: MR_TAU,
      tauGrid: [...MR_TAU_GRID],
      hwGrad: MR_HW_GRAD,
      hwRatio: MR_HW_RATIO,
      networks: c.runs * c.blocks,
    },
    networks: nets.length,
    diverged: nets.length - ok.length,
    belowHwGrad: count((n) => n.gradNorm < MR_HW_GRAD),
    hwLikeZero: count((n) => hwRule(n, 0)),
    hwLike: count((n) => hwRule(n, MR_TAU_INDEX)),
    allPositive: count((n) => n.positive[MR_TAU_INDEX] === P),
    noNegative: count((n) => n.negative[MR_TAU_INDEX] === 0),
    certified: count((n) => certifies(n, P)),
    layerNegative: count((n) => n.layerNegative > 0),
    ratioZero: stats(ok.map((n) => ratioAt(n, 0))),
    ratio: stats(ok.map((n) => ratioAt(n, MR_TAU_INDEX))),
    loss: stats(ok.map((n) => n.loss)),
    gradNorm: stats(ok.map((n) => n.gradNorm)),
    negativeShare: stats(ok.map((n) => n.negative[MR_TAU_INDEX]! / P)),
    dead: stats(ok.map((n) => n.dead)),
    extreme,
    ratioByTau: MR_TAU_GRID.map((_, k) => stats(ok.map((n) => ratioAt(n, k))).median),
    negativeByTau: MR_TAU_GRID.map((_, k) => stats(ok.map((n) => n.negative[k]! / P)).median),
    points,
    jobsDone: done.length,
    jobsTotal: c.blocks,
  };
}

export function minimumRatioLines(s: MrSummary): string[] {
  const st = s.setting;
  const r = (x: number | null) => (x === null ? '–' : fmt(x, 3));
  return [
    `${s.networks} networks 1-${st.hidden}-1 (P = ${st.parameters}), ${s.diverged} diverged; ‖∇L‖ median ${r(s.gradNorm.median)}, ${s.belowHwGrad} below ${st.hwGrad}`,
    `minimum ratio with λ > 0: ${r(s.ratioZero.min)}…${r(s.ratioZero.max)} (median ${r(s.ratioZero.median)}); with λ > ${st.tau}·λ_max: ${r(s.ratio.min)}…${r(s.ratio.max)} (median ${r(s.ratio.median)})`,
    `homework rule (‖∇L‖ < ${st.hwGrad}, ratio > ${st.hwRatio}): ${s.hwLikeZero} with λ > 0, ${s.hwLike} with λ > τ; all eigenvalues > τ: ${s.allPositive}; none < −τ: ${s.noNegative}`,
    `λ_min ≥ −certificate in ${s.certified} of ${s.networks - s.diverged}; per-layer blocks with an eigenvalue < −τ: ${s.layerNegative}`,
  ];
}
