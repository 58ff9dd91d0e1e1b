// Presets and caps of the teacher–student reproduction (teacher-student.ts), zod-free for page code.

/** The live widget's default: teachers k = 6 … TS_LIVE.kMax, students n = k and k + 1, runs × blocks runs a cell. */
export const TS_LIVE = { runs: 10, blocks: 6, kMin: 6, kMax: 9, nMinusK: [0, 1] } as const;

/**
 * The largest live request (kMax 12, 20 runs × 10 blocks, 14 cells). Batched descent of n = 13 students costs about
 * 6·n²·d flops a step; the k = 12 runs take about 5 500 steps on average (committed file), so a job stays seconds.
 */
export const TS_LIVE_MAX = { runs: 20, blocks: 10, kMax: 12 } as const;

/** The teachers of a live run: k = TS_LIVE.kMin … kMax. */
export const liveTeachers = (kMax: number): number[] => Array.from({ length: kMax - TS_LIVE.kMin + 1 }, (_, i) => TS_LIVE.kMin + i);
