// Limits and the live preset of the xor-jellyfish experiment, without zod or tfjs so page code can use them.

/** Most runs in one job (one block of one cell). */
export const XJ_MAX_RUNS = 1000;
/** Most blocks per cell. */
export const XJ_MAX_BLOCKS = 1000;
/** Most training steps per run. */
export const XJ_MAX_STEPS = 100_000;
/** Training steps between two ticks of the scheduler, per run of the job (a 2-7-1 step over 4 points is ~0.3 µs). */
export const XJ_STEPS_PER_TICK = 256;

/** The widget's default: 48 cells × blocks × runs runs of `steps` steps. */
export const XJ_LIVE = { runs: 5, blocks: 2, steps: 10_000 } as const;
/** The committed results file's setting. */
export const XJ_PAPER = { runs: 25, blocks: 8, steps: 10_000 } as const;
