// Limits of the relu-probe experiment (relu-probe.ts), in a module without zod or tfjs so page code can check them too.

/** Largest ‖δ‖ a probe may take (the data's scale is about 5; beyond 10 a "probe" no longer looks near θ). */
export const RELU_PROBE_MAX_RADIUS = 10;
/** Most random steps one probe request may take: 100 000 losses of 5 points are about 20 ms of work. */
export const RELU_PROBE_MAX_PROBES = 100_000;
/** Most gradient-descent steps one descent request may take. */
export const RELU_PROBE_MAX_STEPS = 200_000;
/** Probes evaluated between two ticks of the scheduler (each is a loss over the 5 points of D1, well under 1 µs). */
export const RELU_PROBES_PER_TICK = 4096;
