// Limits, presets and fixed grids of the minimum-ratio reproduction (minimum-ratio.ts), zod-free and tfjs-free for
// pages.

/** The homework's rule (Lee 2021, HW2-2): ‖∇L‖ below this counts as a critical point… */
export const MR_HW_GRAD = 1e-3;
/** …and a minimum ratio above this at such a point counts as "like a local minimum". */
export const MR_HW_RATIO = 0.5;

/**
 * Zero tolerances for the eigenvalue counts, relative to λ_max: an eigenvalue λ counts as positive when λ > τ and as
 * negative when λ < −τ, with τ = t·λ_max for each t here. t = 0 is the homework's count (λ > 0); MR_TAU is ours.
 */
export const MR_TAU_GRID: readonly number[] = [0, 1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2];
export const MR_TAU = 1e-6;
export const MR_TAU_INDEX = MR_TAU_GRID.indexOf(MR_TAU);

/**
 * Caps that keep one step of a job, the stretch between two yields of the stepper, far under the scheduler's 16 ms:
 * a step of ½‖∇L‖² costs about 20·h·N flops a network; at the caps (10 networks, h = 128, N = 200) about 5 ms in
 * Node. The dense Hessian of h = 128 has P = 385 rows, and its eigenvalues take about 0.1 s (yielding between panels).
 */
export const MR_MAX_RUNS = 10;
export const MR_MAX_BLOCKS = 20;
export const MR_MAX_WIDTH = 128;
export const MR_MAX_SAMPLES = 200;
export const MR_MAX_STEPS = 50_000;

/** The live widget's default (30 networks of width 32, 3 per job so the first partial table comes within 2 s) and the paper preset (100 networks of width 128). */
export const MR_LIVE = { runs: 3, blocks: 10, hidden: 32, trainSteps: 4000, criticalSteps: 4000 } as const;
export const MR_PAPER = { runs: 10, blocks: 10, hidden: 128, trainSteps: 10_000, criticalSteps: 10_000 } as const;
