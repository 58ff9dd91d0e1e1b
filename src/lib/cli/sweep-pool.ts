// Runs a sweep's jobs on every core: a pool of worker_threads, each taking the next job index as it finishes one.
//
// Job i is seeded by its index alone (sweep.ts), so which thread runs it, and in what order, cannot change its
// result; the results are returned sorted by index. One thread (or one job) runs in this thread, without a pool.
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { getExperiment } from '../experiments/index.ts';
import { isSweep, runJobAt, type Sweep } from '../experiments/sweep.ts';

interface PoolInit {
  saddleSweepPool: true;
  id: string;
  config: unknown;
  seed: number;
}

type ToWorker = { index: number } | { stop: true };
type FromWorker = { index: number; result: unknown } | { index: number; error: string };

export interface PoolOptions {
  sweep: Sweep;
  /** The parsed config (the experiment's schema output). */
  config: unknown;
  seed: number;
  indices: number[];
  threads: number;
  /** The script each worker thread runs; it must call `serveSweepJobs()` when not on the main thread. */
  workerScript: URL;
  onJobDone?: (done: number, total: number) => void;
}

export interface DoneIndex {
  index: number;
  result: unknown;
}

function sweepOf(id: string): Sweep {
  const e = getExperiment(id);
  if (!isSweep(e)) throw new Error(`experiment "${id}" is not a sweep: only sweeps have presets, shards and results files`);
  return e;
}

/** Runs `indices` of the sweep; results sorted by index. The first job that fails stops the pool and rejects. */
export async function runSweepPool(o: PoolOptions): Promise<DoneIndex[]> {
  const def = o.sweep.sweep;
  const jobs = def.jobs(o.config);
  const done: DoneIndex[] = [];
  const threads = Math.max(1, Math.min(o.threads, o.indices.length));
  if (threads === 1) {
    for (const index of o.indices) {
      done.push({ index, result: await runJobAt(def, o.config, jobs, index, o.seed) });
      o.onJobDone?.(done.length, o.indices.length);
    }
    return done;
  }
  const queue = [...o.indices];
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = threads;
      const init: PoolInit = { saddleSweepPool: true, id: def.id, config: o.config, seed: o.seed };
      for (let t = 0; t < threads; t++) {
        const w = new Worker(o.workerScript, { workerData: init });
        workers.push(w);
        const next = () => {
          const index = queue.shift();
          if (index === undefined) {
            w.postMessage({ stop: true } satisfies ToWorker);
            if (--running === 0) resolve();
          } else w.postMessage({ index } satisfies ToWorker);
        };
        w.on('message', (m: FromWorker) => {
          if ('error' in m) return reject(new Error(`job ${m.index} of ${def.id} failed: ${m.error}`));
          done.push({ index: m.index, result: m.result });
          o.onJobDone?.(done.length, o.indices.length);
          next();
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (code !== 0) reject(new Error(`a worker thread of ${def.id} exited with code ${code}`));
        });
        next();
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return done.sort((a, b) => a.index - b.index);
}

/** Whether this thread is a pool worker (then the script must call `serveSweepJobs` and do nothing else). */
export const isPoolWorker = () => parentPort !== null && (workerData as PoolInit | undefined)?.saddleSweepPool === true;

/** A pool worker's loop: run each job index it is sent, post its result, stop when told. */
export function serveSweepJobs(): void {
  const init = workerData as PoolInit;
  const sweep = sweepOf(init.id);
  const jobs = sweep.sweep.jobs(init.config);
  parentPort!.on('message', (m: ToWorker) => {
    if ('stop' in m) {
      parentPort!.close();
      return;
    }
    runJobAt(sweep.sweep, init.config, jobs, m.index, init.seed).then(
      (result) => parentPort!.postMessage({ index: m.index, result } satisfies FromWorker),
      (err: unknown) => parentPort!.postMessage({ index: m.index, error: (err as Error)?.stack ?? String(err) } satisfies FromWorker),
    );
  });
}

export { sweepOf };
