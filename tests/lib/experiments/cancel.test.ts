// Stop answers within 100 ms in every experiment: the work between two turns of the event loop (when a cancel can be
// read) and between the cancel and the rejection is measured in CPU time of this thread, at the largest live sizes.
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment, type ExperimentId } from '../../../src/lib/experiments/index.ts';
import { AbortError } from '../../../src/lib/train/abort.ts';
import { GOE_MAX_N } from '../../../src/lib/experiments/goe-stats.ts';
import { MAX_LIVE_PARAMETERS } from '../../../src/lib/experiments/mlp-live-limits.ts';
import { RELU_PROBE_MAX_PROBES } from '../../../src/lib/experiments/relu-probe-limits.ts';
import { mlpParamCount } from '../../../src/lib/models/mlp.ts';
import { MR_MAX_RUNS, MR_MAX_SAMPLES, MR_MAX_WIDTH } from '../../../src/lib/experiments/minimum-ratio-limits.ts';

/**
 * CPU milliseconds this thread has used. CPU time, not the wall clock: on a loaded machine the wall clock also counts
 * the time other processes hold the core, which says nothing about how much work the experiment does between yields.
 */
const cpuMs = () => {
  const u = (process.threadCpuUsage ?? process.cpuUsage)();
  return (u.user + u.system) / 1000;
};

/** The budget: the "Stop answers within 100 ms", as work (CPU time) on this machine. */
const STOP_MS = 100;
/** A cancelled run is cancelled at the first turn of the event loop after this much work, well into its run. */
const CANCEL_AFTER_MS = 200;

interface Measured {
  outcome: 'finished' | 'AbortError' | string;
  /** Longest stretch of CPU work between two heartbeats (two turns of the event loop), ms. */
  longestStretch: number;
  /** CPU work from the cancel to the rejection, ms (NaN when the run finished first). */
  afterCancel: number;
}

/**
 * Runs `id` with a heartbeat on a MessageChannel (how a worker receives a cancel: a message, read only when the run
 * yields). The first beat after `cancelAfter` ms of work aborts the run, as the worker does when the cancel arrives.
 */
async function measure(id: ExperimentId, config: unknown, cancelAfter = Infinity): Promise<Measured> {
  const controller = new AbortController();
  const { port1, port2 } = new MessageChannel();
  const start = cpuMs();
  let last = start,
    longestStretch = 0,
    cancelledAt = Number.NaN,
    running = true;
  port1.onmessage = () => {
    const now = cpuMs();
    longestStretch = Math.max(longestStretch, now - last);
    last = now;
    if (!running) return;
    if (Number.isNaN(cancelledAt) && now - start >= cancelAfter) {
      cancelledAt = now;
      controller.abort();
    }
    port2.postMessage(0);
  };
  port2.postMessage(0);
  let outcome: string;
  try {
    await runExperiment({ id, config, seed: 1 }, { signal: controller.signal });
    outcome = 'finished';
  } catch (err) {
    outcome = err instanceof AbortError ? 'AbortError' : String(err);
  }
  const end = cpuMs();
  running = false;
  longestStretch = Math.max(longestStretch, end - last);
  port1.close();
  return { outcome, longestStretch, afterCancel: end - cancelledAt };
}

/** Hidden widths [23, 22] on sinc (1 → 23 → 22 → 1): 597 parameters, the largest two-layer net a live spectrum allows. */
const LARGEST_LIVE = { hidden: [23, 22] };

/**
 * Whole runs at the largest sizes that finish in reasonable time: every stretch between yields, the synchronous
 * eigensolver of the largest live Hessian included, is short.
 */
const whole: { id: ExperimentId; config: unknown; what: string }[] = [
  { id: 'toy-hessian', config: { w1: 0.5, w2: -2 }, what: 'one point (no yield needed)' },
  { id: 'goe-definite', config: { maxN: GOE_MAX_N, samples: 200 }, what: `n up to ${GOE_MAX_N}, 200 matrices per n` },
  { id: 'relu-probe', config: { mode: 'probe', probes: RELU_PROBE_MAX_PROBES }, what: `${RELU_PROBE_MAX_PROBES} probes` },
  { id: 'mlp-probe-spectrum', config: LARGEST_LIVE, what: 'the largest live network (P = 597)' },
  { id: 'mlp-spectrum', config: { ...LARGEST_LIVE, steps: 1 }, what: 'the analysis after training at P = 597' },
  {
    id: 'relu-regression-minima',
    config: { probes: 100_000, starts: 1, steps: 1 },
    what: '10⁵ probes around each published point',
  },
  {
    id: 'minimum-ratio',
    config: { runs: MR_MAX_RUNS, blocks: 1, hidden: MR_MAX_WIDTH, samples: MR_MAX_SAMPLES, trainSteps: 200, criticalSteps: 200 },
    what: `${MR_MAX_RUNS} networks of width ${MR_MAX_WIDTH} on ${MR_MAX_SAMPLES} points, their exact Hessians included`,
  },
];

/**
 * Runs long enough to be cancelled well into their work. (The training loops, mlp-train-step and the descents, are
 * the training stepper's; its own tests hold them to the same scheduler.)
 */
const cancelled: { id: ExperimentId; config: unknown; what: string }[] = [
  { id: 'goe-definite', config: { maxN: GOE_MAX_N, samples: 1_000_000 }, what: `n up to ${GOE_MAX_N}, 10⁶ matrices per n` },
  { id: 'mlp-probe-spectrum', config: LARGEST_LIVE, what: 'the largest live network (P = 597)' },
  {
    id: 'relu-regression-minima',
    config: { probes: 100_000, starts: 1, steps: 1 },
    what: '10⁵ probes around each published point',
  },
];

describe('Stop answers within 100 ms in every experiment', { timeout: 120_000 }, () => {
  // The first tensor work in a fresh process also compiles tfjs's kernels (a one-off the page pays at its first run,
  // not at every Stop): warm them up with a small run of each experiment first.
  beforeAll(async () => {
    const small: Partial<Record<ExperimentId, unknown>> = {
      'mlp-probe-spectrum': { hidden: [4] },
      'mlp-spectrum': { hidden: [4], steps: 1 },
      'relu-regression-minima': { probes: 10, starts: 1, steps: 1 },
      'goe-definite': { maxN: 4, samples: 10 },
      'minimum-ratio': { runs: 1, blocks: 1, hidden: 4, trainSteps: 10, criticalSteps: 10 },
    };
    for (const c of whole) await runExperiment({ id: c.id, config: small[c.id] ?? {}, seed: 2 });
  });

  it('the largest live network really has 597 parameters, at most the live limit', () => {
    expect(mlpParamCount({ widths: [1, 23, 22, 1], activation: 'tanh', bias: true })).toBe(597);
    expect(597).toBeLessThanOrEqual(MAX_LIVE_PARAMETERS);
  });

  for (const c of whole) {
    it(`${c.id}, ${c.what}: never works more than ${STOP_MS} ms without yielding`, async () => {
      const m = await measure(c.id, c.config);
      expect(m.outcome).toBe('finished');
      expect(m.longestStretch).toBeLessThan(STOP_MS);
    });
  }

  for (const c of cancelled) {
    it(`${c.id}, ${c.what}: cancelled by a message, it rejects with AbortError after under ${STOP_MS} ms of work`, async () => {
      const m = await measure(c.id, c.config, CANCEL_AFTER_MS);
      expect(m.outcome).toBe('AbortError');
      expect(m.afterCancel).toBeLessThan(STOP_MS);
      expect(m.longestStretch).toBeLessThan(STOP_MS);
    });
  }
});
