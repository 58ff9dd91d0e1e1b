import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../src/lib/experiments/index.ts';
import {
  deepLinear,
  deepLinearConfig,
  DL_CELLS,
  DL_GAP_EDGES,
  gapBin,
  problemOf,
  type DlJob,
  type DlJobResult,
  type DlSummary,
} from '../../../src/lib/experiments/deep-linear.ts';
import { runJobAt, summarizeResults, type SweepResult } from '../../../src/lib/experiments/sweep.ts';
import { shardIndices } from '../../../src/lib/experiments/results-file.ts';
import { AbortError } from '../../../src/lib/train/abort.ts';

const def = deepLinear.sweep;
// Small but complete: 2 runs a job, one block, a budget the linear runs meet (they converge in ≤ 6000 steps here).
const small = deepLinearConfig.parse({ runs: 2, blocks: 1, steps: 6000 });
const jobs = def.jobs(small);

async function runAll(config = small, seed = 1) {
  const js = def.jobs(config);
  const done: { index: number; result: DlJobResult }[] = [];
  for (let index = 0; index < js.length; index++) done.push({ index, result: await runJobAt(def, config, js, index, seed) });
  return { js, done, summary: summarizeResults(def, config, js, done) };
}

describe('the deep-linear sweep', () => {
  it('orders its jobs block-major with a rotated cell order, so the first block and every shard meet every cell', () => {
    const config = deepLinearConfig.parse({ blocks: 8 });
    const all = def.jobs(config);
    expect(all).toHaveLength(64);
    const key = (j: DlJob) => `${j.activation}${j.depth}`;
    expect(new Set(all.slice(0, 8).map(key)).size).toBe(8);
    expect(all[0]).toEqual({ activation: 'linear', depth: 2, block: 0 });
    for (const count of [2, 4, 8])
      for (let index = 0; index < count; index++)
        expect(new Set(shardIndices(all.length, { index, count }).map((i) => key(all[i]!))).size, `shard ${index}/${count}`).toBe(8);
    expect(DL_CELLS).toHaveLength(8);
  });

  it('brings every linear run to the closed-form global minimum, and no ReLU cell to one value', async () => {
    const { summary } = await runAll();
    def.summarySchema.parse(summary);
    expect(summary.data.conditions.hold).toBe(true);
    expect(summary.data.globalMinKind).toBe('least-squares');
    expect(summary.data.globalMinLoss).toBe(summary.data.leastSquaresLoss);
    expect(summary.linear).toMatchObject({ runs: 8, withinTol: 8, diverged: 0 });
    for (const c of summary.cells.filter((x) => x.activation === 'linear')) {
      expect(c.converged).toBe(2);
      for (const g of c.gaps) expect(g).toBeGreaterThanOrEqual(0); // ½⟨E, EC⟩ ≥ 0 when W* = W_ols
      expect(c.maxGap!).toBeLessThan(small.gapTol);
      expect(c.maxGradNorm!).toBeLessThanOrEqual(small.gradTol);
    }
    const relu = summary.cells.filter((x) => x.activation === 'relu');
    expect(relu.reduce((t, c) => t + c.runs, 0)).toBe(8);
    expect(Math.max(...relu.map((c) => c.spread!))).toBeGreaterThan(1e-3);
    expect(summary.diverged).toBe(0);
  });

  it('reports losses consistent with the gaps, and a histogram that counts every gap in its bin', async () => {
    const { summary, done } = await runAll(deepLinearConfig.parse({ runs: 2, blocks: 1, steps: 300 }));
    const L = summary.data.globalMinLoss;
    for (const { result } of done) result.losses.forEach((loss, i) => expect(loss! - L).toBeCloseTo(result.gaps[i]!, 10));
    for (const c of summary.cells) {
      expect(c.histogram.reduce((t, n) => t + n, 0)).toBe(c.gaps.length);
      expect(c.histogram).toHaveLength(DL_GAP_EDGES.length + 1);
      c.gaps.forEach((g, i) => i && expect(g).toBeGreaterThanOrEqual(c.gaps[i - 1]!));
      expect(c.converged + c.finished + c.diverged).toBe(c.runs);
    }
    expect([gapBin(-1), gapBin(0), gapBin(5e-17), gapBin(1e-12), gapBin(1e3)]).toEqual([0, 1, 1, 4, DL_GAP_EDGES.length]);
  });

  it('carries the origin analysis: a negative Hessian eigenvalue −σ_max(XYᵀ) at depth 2 only, and order-L decrease', async () => {
    const { summary } = await runAll(deepLinearConfig.parse({ runs: 1, blocks: 1, steps: 1 }));
    expect(summary.origin.map((o) => o.depth)).toEqual([2, 3, 4, 5]);
    const [o2, ...deeper] = summary.origin;
    expect(o2!.hessianMin).toBeCloseTo(-summary.data.sigmaMaxXY, 10);
    expect(o2!.negative).toBeGreaterThan(0);
    for (const o of deeper) {
      expect([o.hessianMin, o.hessianMax, o.negative]).toEqual([0, 0, 0]);
      expect(o.verdict).toBe('degenerate');
      expect(o.coefficient).toBeCloseTo(summary.data.sigmaMaxXY * o.depth ** (-o.depth / 2), 12);
      for (const p of o.probes) expect(p.measured).toBeLessThan(0);
    }
  });

  it('reaches the reduced-rank minimum through a bottleneck narrower than the output', async () => {
    const config = deepLinearConfig.parse({ runs: 2, blocks: 1, steps: 20_000, hidden: 2 });
    const all = def.jobs(config);
    const done = [];
    for (let index = 0; index < all.length; index++)
      if (all[index]!.activation === 'linear') done.push({ index, result: await runJobAt(def, config, all, index, 3) });
    const s = summarizeResults(def, config, all, done);
    expect(s.data.globalMinKind).toBe('reduced-rank');
    expect(s.data.globalMinRank).toBe(2);
    expect(s.data.globalMinLoss).toBeGreaterThan(s.data.leastSquaresLoss);
    expect(s.linear.withinTol).toBe(8);
  });

  it('is deterministic: a job depends on the seed and its index alone', async () => {
    const a = await runJobAt(def, small, jobs, 5, 11);
    const b = await runJobAt(def, small, jobs, 5, 11);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(await runJobAt(def, small, jobs, 5, 12))).not.toBe(JSON.stringify(a));
    expect(def.resultSchema.parse(JSON.parse(JSON.stringify(a)))).toEqual(a);
  });

  it('summarises any subset of its jobs, counting only what finished', async () => {
    const config = deepLinearConfig.parse({ runs: 2, blocks: 1, steps: 200 });
    const js = def.jobs(config);
    const done = [];
    for (const index of [0, 3]) done.push({ index, result: await runJobAt(def, config, js, index, 1) });
    const s: DlSummary = def.summarySchema.parse(summarizeResults(def, config, js, done));
    expect(s.jobsDone).toBe(2);
    expect(s.jobsTotal).toBe(8);
    expect(s.runs).toBe(4);
    const withRuns = s.cells.filter((c) => c.runs > 0).map((c) => `${c.activation}${c.depth}`);
    expect(withRuns).toEqual([`${js[0]!.activation}${js[0]!.depth}`, `${js[3]!.activation}${js[3]!.depth}`]);
    // Jobs 0 and 3 are the linear jobs of block 0 at depths 2 and 5: they carry the origin analyses of those depths.
    expect([js[0], js[3]]).toEqual([
      { activation: 'linear', depth: 2, block: 0 },
      { activation: 'linear', depth: 5, block: 0 },
    ]);
    expect(s.origin.map((o) => o.depth)).toEqual([2, 5]);
    const empty = s.cells.find((c) => c.runs === 0)!;
    expect([empty.minGap, empty.medianGap, empty.spread, empty.maxSteps]).toEqual([null, null, null, null]);
    expect(def.summarySchema.parse(summarizeResults(def, config, js, []))).toMatchObject({ jobsDone: 0, runs: 0 });
  });

  it('runs through the registry, stops on cancel, and rejects configs outside the theorem', async () => {
    const r = (await runExperiment({ id: 'deep-linear', config: { runs: 1, blocks: 1, steps: 50 }, seed: 1 })) as SweepResult<
      DlJobResult,
      DlSummary
    >;
    expect(r.results).toHaveLength(8);
    const controller = new AbortController();
    controller.abort();
    await expect(runJobAt(def, small, jobs, 4, 1, { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    await expect(runExperiment({ id: 'deep-linear', config: { dx: 3, dy: 4 }, seed: 1 })).rejects.toThrow(/dy/);
    await expect(runExperiment({ id: 'deep-linear', config: { samples: 4 }, seed: 1 })).rejects.toThrow(/samples/);
    expect(problemOf(small).data.m).toBe(20);
  });

  it('has presets with at least 100 starts per cell at paper scale and a lighter live default', () => {
    const paper = deepLinearConfig.parse(def.presets.paper);
    const live = deepLinearConfig.parse(def.presets.live);
    expect(paper.runs * paper.blocks).toBeGreaterThanOrEqual(100);
    expect(live.runs * live.blocks).toBeLessThan(paper.runs * paper.blocks);
    expect(live.steps).toBe(paper.steps);
  });
});
