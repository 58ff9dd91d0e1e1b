// Limits, presets and fixed grids of the deep-linear reproduction (deep-linear.ts), zod-free and tfjs-free for pages.

/** Depths of the table: weight matrices L = H + 1 (H hidden layers in the paper's notation). */
export const DL_DEPTHS: readonly number[] = [2, 3, 4, 5];
export const DL_ACTIVATIONS = ['linear', 'relu'] as const;
export type DlActivation = (typeof DL_ACTIVATIONS)[number];

/**
 * Caps that keep one step of a job, the stretch between two yields of the stepper, under the scheduler's 16 ms: a
 * ReLU step costs about 6·P·m flops a run (forward and backward over m samples); at the caps (20 runs, depth 5 with
 * every width 8, P = 320, m = 200) about 13 ms in Node (measured 15.6 ms with 24 runs, 18 ms with 32). The Hessian at
 * 0 then has P ≤ 320 rows.
 */
export const DL_MAX_RUNS = 20;
export const DL_MAX_BLOCKS = 64;
export const DL_MAX_STEPS = 200_000;
/** Largest d_x, d_y and hidden width. */
export const DL_MAX_DIM = 8;
export const DL_MAX_SAMPLES = 200;

/** Runs per job × blocks per cell: the live widget's default (10 runs a cell) and the paper preset (128 a cell). */
export const DL_LIVE = { runs: 5, blocks: 2 } as const;
export const DL_PAPER = { runs: 16, blocks: 8 } as const;

/**
 * Interior edges of the histogram of gaps L_final − L*: bin 0 holds gaps < 0 (a ReLU run below the linear optimum),
 * bin i (1 ≤ i < edges) holds [edges[i−1], edges[i]), the last bin gaps ≥ 100.
 */
export const DL_GAP_EDGES: readonly number[] = [0, 1e-16, 1e-14, 1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1, 100];

/** The bin of DL_GAP_EDGES a gap falls in. */
export function gapBin(gap: number): number {
  let i = 0;
  while (i < DL_GAP_EDGES.length && gap >= DL_GAP_EDGES[i]!) i++;
  return i;
}
