// DimensionsAndSaddles' sampling plan: batch sizes, job estimates from the cost model and measured pace, time left.
import { describe, expect, it } from 'vitest';
import {
  addPace,
  batchSamples,
  durationParts,
  jobMs,
  LONG_JOB_MS,
  NO_PACE,
  paceFactor,
  timeLeftMs,
} from '../../../src/components/widgets/dimensions-and-saddles/model.ts';
import { goeCostMs, goeWork, initialSamples } from '../../../src/lib/experiments/goe-stats.ts';

describe('goeWork and goeCostMs', () => {
  it('count Σ samples·n² normals, and cost more for every extra matrix and every larger n', () => {
    expect(goeWork(3, 10)).toBe(10 * (1 + 4 + 9));
    expect(goeCostMs(40, 1000)).toBeGreaterThan(goeCostMs(39, 1000));
    expect(goeCostMs(12, 2001)).toBeGreaterThan(goeCostMs(12, 2000));
  });
});

describe('jobMs', () => {
  it('warns about n = 40 with a million matrices per batch: a batch is half an hour or more, far past a minute', () => {
    const ms = jobMs(40, 1_000_000, 1, 2);
    expect(ms).toBeGreaterThan(20 * 60_000);
    expect(ms).toBeLessThan(3 * 3600_000);
    expect(ms).toBeGreaterThan(LONG_JOB_MS);
  });

  it('keeps the default job (n ≤ 12, 2000 per batch) and every capped first batch well under a minute', () => {
    expect(jobMs(12, 2000, 1, 2)).toBeLessThan(5_000);
    expect(jobMs(40, 1_000_000, 0, 1)).toBeLessThan(LONG_JOB_MS / 10);
    expect(batchSamples(0, 40, 1_000_000)).toBe(initialSamples(40, 1_000_000));
    expect(batchSamples(3, 40, 1_000_000)).toBe(1_000_000);
  });

  it('adds up batches, and scales by the pace measured on this machine', () => {
    const one = jobMs(20, 5000, 1, 2);
    expect(jobMs(20, 5000, 1, 4)).toBeCloseTo(3 * one, 6);
    const slow = addPace(NO_PACE, 3000, 1000);
    expect(paceFactor(slow)).toBe(3);
    expect(jobMs(20, 5000, 1, 2, slow)).toBeCloseTo(3 * one, 6);
    // A batch too short to time does not set the pace.
    expect(paceFactor(addPace(NO_PACE, 50, 10))).toBe(1);
  });
});

describe('timeLeftMs', () => {
  const running = { maxN: 40, samples: 100_000, batch: 1, target: 2 };
  it('extrapolates the running batch at the rate it has shown', () => {
    // 25% in 10 s: 30 s more.
    expect(timeLeftMs({ ...running, fraction: 0.25, elapsedMs: 10_000 })).toBeCloseTo(30_000, 6);
    expect(timeLeftMs({ ...running, fraction: 1, elapsedMs: 10_000 })).toBe(0);
  });

  it('adds the batches after the running one at the same rate', () => {
    const rate = 10_000 / 0.25 / goeCostMs(40, 100_000);
    const left = timeLeftMs({ ...running, target: 4, fraction: 0.25, elapsedMs: 10_000 })!;
    expect(left).toBeCloseTo(30_000 + 2 * rate * goeCostMs(40, 100_000), 3);
  });

  it('says nothing before the batch has run long enough to judge', () => {
    expect(timeLeftMs({ ...running, fraction: 0, elapsedMs: 2000 })).toBe(null);
    expect(timeLeftMs({ ...running, fraction: 0.01, elapsedMs: 100 })).toBe(null);
  });
});

describe('durationParts', () => {
  it('speaks in seconds under two minutes, then minutes, then hours', () => {
    expect(durationParts(200)).toEqual({ unit: 's', value: 1 });
    expect(durationParts(45_000)).toEqual({ unit: 's', value: 45 });
    expect(durationParts(45 * 60_000)).toEqual({ unit: 'min', value: 45 });
    expect(durationParts(3 * 3600_000)).toEqual({ unit: 'h', value: 3 });
  });
});
