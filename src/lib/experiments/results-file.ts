// Committed results files: the record of a sweep run at paper scale (or one shard of it), validated before use.
//
// A file holds every finished job's result (so any job can be re-run and compared), the summary the page draws,
// and the provenance of each run that made it (command line, commit, wall time, threads). A file is valid only if
// it is the current preset's config at the experiment's current version, its jobs are the ones its shard names,
// each result and the summary match their schemas, and the summary is exactly what `summarize` gives from the
// results. Everything but `provenance` is the same however the jobs were run: one loop, a thread pool, or shards
// merged afterwards.
import { z } from 'zod';
import { issuesOf } from '../config/parse.ts';
import { committedOf, summarizeResults, type PresetName, type Sweep, type SweepDefinition } from './sweep.ts';

export const RESULTS_FORMAT = 'saddle-results/1';
export const RESULTS_DIR = 'src/content/results';

export const resultsPath = (id: string) => `${RESULTS_DIR}/${id}.json`;

export interface Shard {
  index: number;
  count: number;
}

export const shardText = (s: Shard | null) => (s ? `${s.index}/${s.count}` : null);

/** The job indices of shard i/N: every N-th job starting at i (round robin, so each shard spans every cell). */
export const shardIndices = (total: number, shard: Shard | null): number[] =>
  Array.from({ length: total }, (_, i) => i).filter((i) => !shard || i % shard.count === shard.index);

/** The command that remakes the committed file of a sweep, as its error messages print it. */
export function remakeCommand(def: Pick<SweepDefinition<z.ZodType, unknown, unknown, unknown>, 'id' | 'committed'>): string {
  const committed = committedOf(def);
  const shard = committed.shard ? ` --shard ${committed.shard}` : '';
  return `npm run experiment -- ${def.id} --preset ${committed.preset}${shard} --out ${resultsPath(def.id)}`;
}

const provenanceSchema = z.strictObject({
  command: z.string(),
  commit: z.string(),
  /** Whether the working tree had uncommitted changes when it ran. */
  dirty: z.boolean(),
  wallSeconds: z.number().nonnegative(),
  threads: z.number().int().positive(),
  shard: z.string().nullable(),
  node: z.string(),
  date: z.string(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

const fileSchema = z.strictObject({
  format: z.literal(RESULTS_FORMAT),
  experiment: z.string(),
  version: z.number().int(),
  preset: z.enum(['live', 'paper']).nullable(),
  seed: z.number().int().nonnegative(),
  config: z.unknown(),
  /** Jobs in the whole sweep of this config. */
  jobs: z.number().int().nonnegative(),
  /** The shard this file holds (null: every job). */
  shard: z.strictObject({ index: z.number().int().nonnegative(), count: z.number().int().positive() }).nullable(),
  /** Index of each result, ascending. */
  indices: z.array(z.number().int().nonnegative()),
  results: z.array(z.unknown()),
  summary: z.unknown(),
  provenance: z.array(provenanceSchema).min(1),
});

export interface ResultsFile<R = unknown, Sum = unknown> {
  format: typeof RESULTS_FORMAT;
  experiment: string;
  version: number;
  preset: PresetName | null;
  seed: number;
  config: unknown;
  jobs: number;
  shard: Shard | null;
  indices: number[];
  results: R[];
  summary: Sum;
  provenance: Provenance[];
}

/** A results file's text: two-space JSON with a final newline, so identical data gives identical bytes. */
export const serializeResults = (file: ResultsFile) => `${JSON.stringify(file, null, 2)}\n`;

/** Everything but the provenance: what must be identical however the jobs were run. */
export const resultsData = ({ provenance: _p, ...data }: ResultsFile) => data;

/** Assembles a file from finished jobs (sorted by index) and checks that they are exactly the shard's jobs. */
export function assembleResults<S extends z.ZodType, J, R, Sum>(
  def: SweepDefinition<S, J, R, Sum>,
  run: { preset: PresetName | null; seed: number; config: z.output<S>; shard: Shard | null },
  done: { index: number; result: R }[],
  provenance: Provenance[],
): ResultsFile<R, Sum> {
  const jobs = def.jobs(run.config);
  const sorted = [...done].sort((a, b) => a.index - b.index);
  const expected = shardIndices(jobs.length, run.shard);
  if (sorted.length !== expected.length || sorted.some((d, i) => d.index !== expected[i]))
    throw new Error(
      `${def.id}: the finished jobs are not the jobs of shard ${shardText(run.shard) ?? 'all'} (${expected.length} expected, ${sorted.length} given)`,
    );
  return {
    format: RESULTS_FORMAT,
    experiment: def.id,
    version: def.version,
    preset: run.preset,
    seed: run.seed,
    config: run.config,
    jobs: jobs.length,
    shard: run.shard,
    indices: sorted.map((d) => d.index),
    results: sorted.map((d) => d.result),
    summary: summarizeResults(def, run.config, jobs, sorted),
    provenance,
  };
}

/** Why a results file cannot be used: what is wrong, and the command that makes a good one. */
export class ResultsFileError extends Error {
  readonly file: string;
  readonly problem: string;
  readonly command: string;

  constructor(file: string, problem: string, command: string) {
    super(`${file}: ${problem}\n  Remake it with: ${command}`);
    this.name = 'ResultsFileError';
    this.file = file;
    this.problem = problem;
    this.command = command;
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The first key path where two JSON values differ ('' when the roots differ in kind). */
function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const pa = (a as Record<string, unknown>)[k],
        pb = (b as Record<string, unknown>)[k];
      if (!sameJson(pa, pb)) return firstDifference(pa, pb, path ? `${path}.${k}` : k);
    }
  }
  return path;
}

/**
 * Parses and checks the committed results file of `sweep` (its text, or undefined when there is none), as the build
 * does: a missing, malformed or stale file throws a ResultsFileError naming the file and the command that remakes it.
 */
export function checkResults<S extends z.ZodType, J, R, Sum>(
  sweep: Sweep<S, J, R, Sum>,
  text: string | undefined,
  file = resultsPath(sweep.id),
): ResultsFile<R, Sum> {
  const def = sweep.sweep;
  const command = remakeCommand(def);
  const fail = (problem: string): never => {
    throw new ResultsFileError(file, problem, command);
  };
  if (text === undefined) fail(`the committed results of experiment "${def.id}" are missing`);
  let json: unknown;
  try {
    json = JSON.parse(text!);
  } catch (err) {
    fail(`not valid JSON (${(err as Error).message})`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success)
    fail(
      `malformed: ${issuesOf(parsed.error)
        .map((i) => `${i.path || '(file)'}: ${i.message}`)
        .join('; ')}`,
    );
  const f = parsed.data! as ResultsFile<R, Sum>;
  if (f.experiment !== def.id) fail(`holds experiment "${f.experiment}", not "${def.id}"`);
  if (f.version !== def.version) fail(`stale: made by version ${f.version} of "${def.id}", and the code is at version ${def.version}`);
  const committed = committedOf(def);
  const preset = committed.preset;
  if (f.preset !== preset) fail(`stale: made with preset ${f.preset ?? '(none)'}, and the page uses preset ${preset}`);
  const current = sweep.configSchema.safeParse(def.presets[preset]);
  if (!current.success) fail(`the ${preset} preset of "${def.id}" is itself invalid`);
  if (!sameJson(f.config, current.data))
    fail(`stale: its config differs from the current ${preset} preset at "${firstDifference(f.config, current.data) || '(config)'}"`);
  const committedShard = committed.shard ?? null;
  if (shardText(f.shard) !== committedShard)
    fail(`holds shard ${shardText(f.shard) ?? 'all'}, and the page expects ${committedShard ?? 'all jobs'}`);
  const jobs = def.jobs(current.data as z.output<S>);
  if (f.jobs !== jobs.length) fail(`stale: it counts ${f.jobs} jobs, and the preset has ${jobs.length}`);
  if (!sameJson(f.indices, shardIndices(jobs.length, f.shard)))
    fail(`malformed: its job indices are not those of shard ${shardText(f.shard) ?? 'all'}`);
  if (f.results.length !== f.indices.length) fail(`malformed: ${f.results.length} results for ${f.indices.length} jobs`);
  f.results.forEach((r, i) => {
    const ok = def.resultSchema.safeParse(r);
    if (!ok.success)
      fail(
        `malformed: result of job ${f.indices[i]}: ${issuesOf(ok.error)
          .map((x) => `${x.path}: ${x.message}`)
          .join('; ')}`,
      );
  });
  const summary = def.summarySchema.safeParse(f.summary);
  if (!summary.success)
    fail(
      `malformed: summary: ${issuesOf(summary.error)
        .map((x) => `${x.path}: ${x.message}`)
        .join('; ')}`,
    );
  const recomputed = summarizeResults(
    def,
    current.data as z.output<S>,
    jobs,
    f.indices.map((index, i) => ({ index, result: f.results[i]! })),
  );
  if (!sameJson(recomputed, f.summary))
    fail(`its summary is not the summary of its results (differs at "${firstDifference(f.summary, recomputed)}")`);
  return f;
}
