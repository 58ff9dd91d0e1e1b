// `npm run experiment -- --list` | `npm run experiment -- <id> [--seed N] [--set key=value …] [--json]`
// Sweeps also: `<id> --preset live|paper [--shard i/N] [--threads T] --out <file>` and `merge <files…> --out <file>`.
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { execSync } from 'node:child_process';
import { experiments, getExperiment, runExperiment } from '../src/lib/experiments/index.ts';
import { parseArgs, settingsToConfig, type CliArgs } from '../src/lib/cli/args.ts';
import { ConfigError, parseConfig } from '../src/lib/config/parse.ts';
import { isSweep } from '../src/lib/experiments/sweep.ts';
import { isPoolWorker, runSweepPool, serveSweepJobs, sweepOf } from '../src/lib/cli/sweep-pool.ts';
import { assembleResults, serializeResults, shardIndices, shardText, type Provenance } from '../src/lib/experiments/results-file.ts';
import { mergeShards } from '../src/lib/experiments/merge-results.ts';

const USAGE = `usage:
  npm run experiment -- --list
  npm run experiment -- <id> [--seed N] [--set key=value …] [--json]
  npm run experiment -- <sweep id> --preset live|paper [--seed N] [--set key=value …] [--shard i/N] [--threads T] [--out file]
  npm run experiment -- merge <shard files…> --out <file>
values in --set are read as JSON when they parse (numbers, arrays, objects), else as text;
dotted keys reach nested settings, e.g. --set optimizer.lr=0.05 --set hidden=[8,8].
A sweep runs its jobs on every core (--threads to change); --shard i/N runs every N-th job from the i-th, so N machines
can share a sweep with any job runner; merge joins their files into the file one run would have written.`;

const commandLine = () => `npm run experiment -- ${process.argv.slice(2).join(' ')}`;

function git(args: string): string | null {
  try {
    return execSync(`git ${args}`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

const minutes = (s: number) => (s < 90 ? `${Math.round(s)} s` : `${(s / 60).toFixed(1)} min`);

async function runSweep(args: CliArgs): Promise<void> {
  const sweep = sweepOf(args.id!);
  const def = sweep.sweep;
  const overrides = settingsToConfig(args.settings);
  const base = args.preset ? def.presets[args.preset] : {};
  const config = parseConfig(sweep.configSchema, { ...(base as object), ...overrides }, `config for experiment "${def.id}"`);
  const total = def.jobs(config).length;
  const indices = shardIndices(total, args.shard ?? null);
  const threads = args.threads ?? availableParallelism();
  const started = performance.now();
  const done = await runSweepPool({
    sweep,
    config,
    seed: args.seed,
    indices,
    threads,
    workerScript: new URL(import.meta.url),
    onJobDone: (n, of) => {
      if (!process.stderr.isTTY) return;
      const elapsed = (performance.now() - started) / 1000;
      const left = n < of ? ` · about ${minutes((elapsed * (of - n)) / n)} left` : '';
      process.stderr.write(`\r${`${n}/${of} jobs · ${minutes(elapsed)}${left}`.padEnd(60)}`);
    },
  });
  process.stderr.write(`\r${' '.repeat(60)}\r`);
  const wallSeconds = Math.round((performance.now() - started) / 10) / 100;
  const provenance: Provenance = {
    command: commandLine(),
    commit: git('rev-parse HEAD') ?? 'unknown',
    dirty: (git('status --porcelain') ?? '') !== '',
    wallSeconds,
    threads: Math.min(threads, indices.length) || 1,
    shard: shardText(args.shard ?? null),
    node: process.version,
    date: new Date().toISOString(),
  };
  const file = assembleResults(
    def,
    { preset: args.settings.length ? null : (args.preset ?? null), seed: args.seed, config, shard: args.shard ?? null },
    done,
    [provenance],
  );
  if (args.out) writeFileSync(args.out, serializeResults(file));
  if (args.json) console.log(serializeResults(file));
  else {
    const shard = args.shard ? `, shard ${shardText(args.shard)}: ${indices.length} of ${total} jobs` : `, ${total} jobs`;
    console.log(
      `${def.id} (seed ${args.seed}${shard}, ${threads} thread(s), ${wallSeconds} s${args.out ? `, written to ${args.out}` : ''})`,
    );
    for (const line of def.lines(file.summary)) console.log(`  ${line}`);
  }
}

function merge(args: CliArgs): void {
  const files = args.files.map((path) => {
    try {
      return { path, file: JSON.parse(readFileSync(path, 'utf8')) };
    } catch (err) {
      throw new Error(`merge: cannot read ${path}: ${(err as Error).message}`, { cause: err });
    }
  });
  const merged = mergeShards(files, (id) => sweepOf(id).sweep);
  writeFileSync(args.out!, serializeResults(merged));
  console.log(`merged ${files.length} file(s) into ${args.out}: ${merged.indices.length} of ${merged.jobs} jobs`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help || (!args.list && !args.id)) {
    console.log(USAGE);
  } else if (args.list) {
    const width = Math.max(...Object.keys(experiments).map((k) => k.length));
    for (const e of Object.values(experiments))
      console.log(`${e.id.padEnd(width)}  ${e.description}${isSweep(e as never) ? ' [sweep]' : ''}`);
  } else if (args.id === 'merge') {
    merge(args);
  } else if (args.preset || args.shard || args.out || args.threads) {
    await runSweep(args);
  } else {
    const experiment = getExperiment(args.id!);
    const started = performance.now();
    let shown = false;
    const progress = (p: { fraction: number; stage: string }) => {
      shown = true;
      process.stderr.write(`\r${`${Math.round(p.fraction * 100)}% ${p.stage}`.padEnd(70)}`);
    };
    const result = await runExperiment(
      { id: experiment.id, config: settingsToConfig(args.settings), seed: args.seed },
      args.json ? {} : { onProgress: progress },
    );
    if (args.json) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      if (shown) process.stderr.write(`\r${' '.repeat(70)}\r`);
      console.log(`${experiment.id} (seed ${args.seed}, ${((performance.now() - started) / 1000).toFixed(2)} s)`);
      for (const line of experiment.summarize(result)) console.log(`  ${line}`);
    }
  }
}

if (isPoolWorker()) serveSweepJobs();
else {
  try {
    await main();
  } catch (err) {
    console.error(err instanceof ConfigError || err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  }
}
