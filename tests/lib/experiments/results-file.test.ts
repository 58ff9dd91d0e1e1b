// Results files: a sweep's runs assembled, checked (missing, malformed, stale), sharded and merged back.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineSweep, jobSeed, runJobAt } from '../../../src/lib/experiments/sweep.ts';
import {
  assembleResults,
  checkResults,
  resultsData,
  serializeResults,
  shardIndices,
  type Provenance,
  type ResultsFile,
} from '../../../src/lib/experiments/results-file.ts';
import { mergeShards } from '../../../src/lib/experiments/merge-results.ts';

// A toy sweep: for each of `cells` cells, `blocks` blocks of `runs` normal draws; a cell's summary is its mean.
const config = z.strictObject({
  cells: z.number().int().default(3),
  blocks: z.number().int().default(4),
  runs: z.number().int().default(5),
});
const toy = defineSweep({
  id: 'toy-sweep',
  description: 'test sweep',
  source: 'tests',
  configSchema: config,
  presets: { live: { blocks: 2 }, paper: { blocks: 4 } },
  version: 3,
  resultSchema: z.strictObject({ sum: z.number(), n: z.number().int() }),
  summarySchema: z.array(z.strictObject({ cell: z.number().int(), n: z.number().int(), mean: z.number() })),
  jobs: (c) => Array.from({ length: c.blocks * c.cells }, (_, i) => ({ cell: i % c.cells, block: Math.floor(i / c.cells) })),
  async runJob(_job, c, ctx) {
    let sum = 0;
    for (let r = 0; r < c.runs; r++) sum += ctx.rng.normal();
    await ctx.scheduler.tick();
    return { sum, n: c.runs };
  },
  summarize: (c, done) =>
    Array.from({ length: c.cells }, (_, cell) => {
      const mine = done.filter((d) => d.job.cell === cell);
      const n = mine.reduce((t, d) => t + d.result.n, 0);
      return { cell, n, mean: n ? mine.reduce((t, d) => t + d.result.sum, 0) / n : 0 };
    }),
  lines: (s) => s.map((r) => `cell ${r.cell}: ${r.mean}`),
});

const paper = config.parse(toy.sweep.presets.paper);
const provenance = (shard: string | null): Provenance[] => [
  {
    command: 'test',
    commit: 'abc',
    dirty: false,
    wallSeconds: 0.1,
    threads: 1,
    shard,
    node: process.version,
    date: '2026-12-02T00:00:00Z',
  },
];

async function runShard(shard: { index: number; count: number } | null, seed = 7): Promise<ResultsFile> {
  const jobs = toy.sweep.jobs(paper);
  const done = [];
  for (const index of shardIndices(jobs.length, shard)) done.push({ index, result: await runJobAt(toy.sweep, paper, jobs, index, seed) });
  return assembleResults(
    toy.sweep,
    { preset: 'paper', seed, config: paper, shard },
    done,
    provenance(shard ? `${shard.index}/${shard.count}` : null),
  );
}

describe('jobSeed', () => {
  it('gives neighbouring jobs and seeds different streams', () => {
    const seeds = new Set<number>();
    for (let s = 0; s < 20; s++) for (let i = 0; i < 50; i++) seeds.add(jobSeed(s, i));
    expect(seeds.size).toBe(1000);
  });
});

describe('a sweep run as one experiment', () => {
  it('reports a partial summary after each job and returns every result in order', async () => {
    const partials: { done: number; total: number }[] = [];
    const r = await toy.run(config.parse(toy.sweep.presets.live), {
      rng: { seed: 7 } as never,
      onProgress: (p) => p.partial && partials.push(p.partial as { done: number; total: number }),
    });
    expect(partials.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.results).toHaveLength(6);
    // Job i's result depends on its index alone: the same as running it by itself.
    const jobs = toy.sweep.jobs(config.parse(toy.sweep.presets.live));
    expect(r.results[4]).toEqual(await runJobAt(toy.sweep, config.parse(toy.sweep.presets.live), jobs, 4, 7));
  });
});

describe('results files', () => {
  it('round-trips: a freshly made file passes the check', async () => {
    const file = await runShard(null);
    expect(checkResults(toy, serializeResults(file)).summary).toEqual(file.summary);
  });

  it('merges shards into exactly the file one run writes (provenance aside)', async () => {
    const whole = await runShard(null);
    const shards = await Promise.all([0, 1, 2].map((index) => runShard({ index, count: 3 })));
    // Round robin: each shard of three takes every third job, so every cell appears in every shard.
    expect(shards[1]!.indices).toEqual([1, 4, 7, 10]);
    const merged = mergeShards(
      shards.reverse().map((file, i) => ({ path: `s${i}.json`, file })),
      () => toy.sweep,
    );
    expect(serializeResults({ ...merged, provenance: [] })).toBe(serializeResults({ ...whole, provenance: [] }));
    expect(resultsData(merged)).toEqual(resultsData(whole));
    expect(merged.provenance.map((p) => p.shard).sort()).toEqual(['0/3', '1/3', '2/3']);
  });

  it('refuses to merge shards of different runs, duplicates and gaps, naming the file', async () => {
    const [a, b] = [await runShard({ index: 0, count: 2 }), await runShard({ index: 1, count: 2 }, 8)];
    expect(() =>
      mergeShards(
        [
          { path: 'a.json', file: a },
          { path: 'b.json', file: b },
        ],
        () => toy.sweep,
      ),
    ).toThrow('merge: b.json differs from a.json in "seed"');
    expect(() =>
      mergeShards(
        [
          { path: 'a.json', file: a },
          { path: 'c.json', file: a },
        ],
        () => toy.sweep,
      ),
    ).toThrow('merge: c.json and a.json are both shard 0/2');
    expect(() => mergeShards([{ path: 'a.json', file: a }], () => toy.sweep)).toThrow('merge: shard(s) 1/2 missing');
  });

  it('fails a missing, malformed or stale file, naming the file and the command that remakes it', async () => {
    const good = await runShard(null);
    const command = 'Remake it with: npm run experiment -- toy-sweep --preset paper --out src/content/results/toy-sweep.json';
    const cases: [string, string | undefined, string][] = [
      ['missing', undefined, 'the committed results of experiment "toy-sweep" are missing'],
      ['not JSON', '{"format": ', 'not valid JSON'],
      ['wrong shape', JSON.stringify({ ...good, results: 'none' }), 'malformed: results:'],
      [
        'a bad result',
        JSON.stringify({ ...good, results: good.results.map((r, i) => (i === 2 ? { sum: 'x', n: 5 } : r)) }),
        'malformed: result of job 2',
      ],
      ['old version', JSON.stringify({ ...good, version: 2 }), 'stale: made by version 2 of "toy-sweep", and the code is at version 3'],
      [
        'other config',
        JSON.stringify({ ...good, config: { ...paper, runs: 6 } }),
        'stale: its config differs from the current paper preset at "runs"',
      ],
      [
        'edited summary',
        JSON.stringify({ ...good, summary: (good.summary as { mean: number }[]).map((s, i) => (i ? s : { ...s, mean: 0 })) }),
        'its summary is not the summary of its results',
      ],
      ['a shard', JSON.stringify(await runShard({ index: 0, count: 2 })), 'holds shard 0/2, and the page expects all jobs'],
    ];
    for (const [what, text, message] of cases) {
      expect(() => checkResults(toy, text), what).toThrow(message);
      expect(() => checkResults(toy, text), what).toThrow(command);
      expect(() => checkResults(toy, text), what).toThrow(/^src\/content\/results\/toy-sweep\.json: /);
    }
  });
});
