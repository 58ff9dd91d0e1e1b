// Sweeps: an experiment made of many independent jobs (one cell of a table, one block of runs), each seeded by its
// index alone, so a sweep can run in one loop, on a pool of threads, or in shards on many machines, and give the
// same numbers every way. The reproductions of the published experiments are sweeps.
//
// Contract:
// - `jobs(config)` lists the jobs in a fixed order (plain JSON each). Job i draws its randomness only from
//   `createRng(jobSeed(seed, i))`, never from another job, so any subset of jobs can be re-run on its own.
// - `runJob` returns plain JSON and yields through the scheduler it is given (the kit's one cooperative scheduler).
//   Many runs of one job are one batched computation where the model allows (non-negotiable 6).
// - `summarize(config, done)` turns the finished jobs into the summary a widget draws (the table, the chart data).
//   It must accept any subset, in index order: the live run draws partial summaries as jobs finish.
// - `presets.live` is the widget's lighter default; `presets.paper` is the committed results file's setting.
// - `version` is bumped whenever a change to the code changes results: a results file of another version is stale.
import type { z } from 'zod';
import { createRng, type Rng } from '../random/rng.ts';
import { createScheduler, type Scheduler } from '../train/scheduler.ts';
import { defineExperiment, type Experiment, type ExperimentContext } from './types.ts';

export interface JobContext {
  rng: Rng;
  scheduler: Scheduler;
  signal?: AbortSignal;
  /** Progress within the job, 0…1 (optional; the sweep reports job-level progress anyway). */
  onProgress?: (fraction: number) => void;
}

/** One finished job: its index in `jobs(config)`, the job and its result. */
export interface DoneJob<J, R> {
  index: number;
  job: J;
  result: R;
}

export type PresetName = 'live' | 'paper';
export const PRESET_NAMES: readonly PresetName[] = ['live', 'paper'];

export interface SweepDefinition<S extends z.ZodType, J, R, Sum> {
  id: string;
  description: string;
  source: string;
  configSchema: S;
  /** Configs (as a caller would pass them) of the live widget default and the paper-scale committed run. */
  presets: Record<PresetName, z.input<S>>;
  /** Bumped when a code change changes results (then committed files of the old version are stale). */
  version: number;
  /**
   * What the committed results file holds: a preset, and the shard of it this machine could afford (e.g. '0/20' when
   * the paper's scale takes days). Default: the whole paper preset.
   */
  committed?: { preset: PresetName; shard?: string };
  /** Schema of one job's result, for validating committed files. */
  resultSchema: z.ZodType<R>;
  /** Schema of the summary, for validating committed files. */
  summarySchema: z.ZodType<Sum>;
  jobs(config: z.output<S>): J[];
  runJob(job: J, config: z.output<S>, ctx: JobContext): Promise<R>;
  summarize(config: z.output<S>, done: DoneJob<J, R>[]): Sum;
  /** A few lines about a summary, for the command line. */
  lines(summary: Sum): string[];
  /**
   * For `npm run bench`: a slice of the paper's setting (`config`), run as batched jobs on every core and again as a
   * plain loop of single runs on one thread (`single(config)`: the same runs, one per job), in runs per second.
   */
  bench?: {
    config: z.input<S>;
    single(config: z.input<S>): z.input<S>;
    /** Training runs counted in a job's result. */
    runs(result: R): number;
    /** Runs in the whole paper-scale sweep. */
    paperRuns(config: z.output<S>): number;
  };
}

/** What running a whole sweep returns: every job's result in index order, and their summary. */
export interface SweepResult<R, Sum> {
  results: R[];
  summary: Sum;
}

/** The partial result a live run reports after each job: jobs done so far, out of how many, and their summary. */
export interface SweepPartial<Sum> {
  done: number;
  total: number;
  summary: Sum;
}

export type Sweep<S extends z.ZodType = z.ZodType, J = unknown, R = unknown, Sum = unknown> = Experiment<S, SweepResult<R, Sum>> & {
  sweep: SweepDefinition<S, J, R, Sum>;
};

/**
 * The seed of job `index` of a sweep seeded `seed`: a SplitMix32-style hash of both, so neighbouring jobs and
 * neighbouring seeds get unrelated streams.
 */
export function jobSeed(seed: number, index: number): number {
  let z = (Math.imul(Math.trunc(seed) >>> 0, 0x9e3779b1) ^ Math.imul((index + 1) >>> 0, 0x85ebca77)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** Runs job `index` of `config` exactly as every runner does (loop, thread pool, shard, the slice tests). */
export function runJobAt<S extends z.ZodType, J, R, Sum>(
  def: SweepDefinition<S, J, R, Sum>,
  config: z.output<S>,
  jobs: J[],
  index: number,
  seed: number,
  ctx: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
): Promise<R> {
  return def.runJob(jobs[index]!, config, {
    rng: createRng(jobSeed(seed, index)),
    scheduler: createScheduler(ctx.signal),
    ...ctx,
  });
}

/** Summarises results given in index order (all of them, or the first ones of a partial run). */
export function summarizeResults<S extends z.ZodType, J, R, Sum>(
  def: SweepDefinition<S, J, R, Sum>,
  config: z.output<S>,
  jobs: J[],
  results: { index: number; result: R }[],
): Sum {
  return def.summarize(
    config,
    results.map(({ index, result }) => ({ index, job: jobs[index]!, result })),
  );
}

/**
 * An experiment from a sweep definition: `run` does every job in order on this thread, reporting after each job the
 * fraction done and a partial summary (`SweepPartial`), and returns `SweepResult`.
 */
export function defineSweep<S extends z.ZodType, J, R, Sum>(def: SweepDefinition<S, J, R, Sum>): Sweep<S, J, R, Sum> {
  const experiment = defineExperiment({
    id: def.id,
    description: def.description,
    source: def.source,
    configSchema: def.configSchema,
    async run(config: z.output<S>, ctx: ExperimentContext): Promise<SweepResult<R, Sum>> {
      const jobs = def.jobs(config);
      const done: { index: number; result: R }[] = [];
      for (let index = 0; index < jobs.length; index++) {
        const within = (f: number) =>
          ctx.onProgress?.({ fraction: (index + Math.min(1, Math.max(0, f))) / jobs.length, stage: `job ${index + 1}/${jobs.length}` });
        const result = await runJobAt(def, config, jobs, index, ctx.rng.seed, {
          ...(ctx.signal ? { signal: ctx.signal } : {}),
          onProgress: within,
        });
        done.push({ index, result });
        const partial: SweepPartial<Sum> = { done: done.length, total: jobs.length, summary: summarizeResults(def, config, jobs, done) };
        ctx.onProgress?.({ fraction: done.length / jobs.length, stage: `job ${done.length}/${jobs.length}`, partial });
      }
      return { results: done.map((d) => d.result), summary: summarizeResults(def, config, jobs, done) };
    },
    summarize: (result: SweepResult<R, Sum>) => def.lines(result.summary),
  });
  return { ...experiment, sweep: def };
}

/** The committed file's preset and shard (the whole paper preset unless the sweep says otherwise). */
export const committedOf = (def: Pick<SweepDefinition<z.ZodType, unknown, unknown, unknown>, 'committed'>) =>
  def.committed ?? { preset: 'paper' as PresetName };

export const isSweep = (e: Experiment): e is Sweep => 'sweep' in e && typeof (e as Sweep).sweep?.runJob === 'function';
