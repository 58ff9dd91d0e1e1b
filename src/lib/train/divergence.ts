// The one divergence rule of every training loop (tfjs and closed-form), tfjs-free so page code can state it.
//
// A run has diverged at a step when its loss or gradient norm there is not finite, or its loss exceeds
// DIVERGENCE_FACTOR·(L₀ + 1), L₀ being the run's loss at step 0. Why relative and not only "not finite":
// a descent method at a stable step size never climbs far above where it started (Adam's and momentum's
// overshoots stay within a few times L₀), so a loss a million times L₀ has left the basin for good; and
// stopping there, long before float32 overflows at 3.4e38, keeps the last θ and its loss representable,
// so a widget can still show and analyse the last sensible point. The "+ 1" (one loss unit) keeps a run
// that starts at a minimum (L₀ ≈ 0) from being flagged for round-off. Resumed runs carry L₀ in their state,
// so a run trained in chunks diverges at exactly the step it would in one go.

export const DIVERGENCE_FACTOR = 1e6;

/** The loss above which a run that started at `startLoss` has diverged. */
export const divergenceThreshold = (startLoss: number) => DIVERGENCE_FACTOR * (Math.abs(startLoss) + 1);

export function hasDiverged(loss: number, gradNorm: number, startLoss: number): boolean {
  return !Number.isFinite(loss) || !Number.isFinite(gradNorm) || loss > divergenceThreshold(startLoss);
}
