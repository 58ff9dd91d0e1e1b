// The page's one experiment worker, started on first use and shared by every widget (each on its own channel).
import { createExperimentClient, type ExperimentClient, type RunOptions, type RunOutcome } from '../../../lib/runtime/host.ts';
import { WASM_BASE } from '../../../lib/runtime/wasm-base.ts';
import { WorkerLostError } from '../../../lib/runtime/worker-lost.ts';
import { AbortError } from '../../../lib/train/abort.ts';
import type { Port } from '../../../lib/runtime/protocol.ts';
// Types only: the registry's module (zod, tfjs) is erased from the page bundle.
import type { ConfigOf, ExperimentId, ResultOf } from '../../../lib/experiments/index.ts';

interface Started {
  client: ExperimentClient;
  backend: string;
  reason?: string;
}

let shared: Promise<Started> | undefined;

/**
 * Starts the worker with the wasm backend (cpu if wasm cannot start) the first time any widget asks. A worker that
 * fails to start or dies is terminated and forgotten, so the next call (the widget's Retry) starts a fresh one.
 */
function worker(): Promise<Started> {
  if (shared) return shared;
  const w = new Worker(new URL('../../../lib/runtime/worker.ts', import.meta.url), { type: 'module', name: 'saddle-experiments' });
  const client = createExperimentClient(w as unknown as Port, {
    onLost: () => {
      if (shared === started) shared = undefined;
      w.terminate();
    },
  });
  // Tests read the worker's tensor count through this, and call `fail(reason)` to play a worker that died.
  (globalThis as { __saddleWorker?: ExperimentClient }).__saddleWorker = client;
  const started: Promise<Started> = client.init('wasm', WASM_BASE).then(
    (choice) => ({ client, ...choice }),
    (err: unknown) => {
      // A reply that makes no sense is as fatal as no reply: drop this worker so the next call starts afresh.
      client.fail((err as Error)?.message ?? String(err));
      throw err instanceof WorkerLostError ? err : (client.lost ?? err);
    },
  );
  shared = started;
  return started;
}

export interface WidgetChannel {
  /**
   * Runs an experiment in the worker, typed by its id. A newer run on this channel supersedes it: it rejects at
   * once with an AbortError. A worker that fails to start or dies rejects it with a WorkerLostError.
   */
  run<K extends ExperimentId>(
    id: K,
    config: ConfigOf<K>,
    seed: number,
    options?: Omit<RunOptions, 'channel'>,
  ): Promise<RunOutcome<ResultOf<K>>>;
  /** Stops this channel's pending run: it rejects at once with an AbortError. */
  cancel(): void;
  /** The backend the worker runs on ('wasm', or 'cpu' with the reason wasm did not start). */
  backend(): Promise<{ backend: string; reason?: string }>;
}

let channels = 0;

/** A channel of the shared worker for one widget instance. */
export function widgetChannel(name: string): WidgetChannel {
  const channel = `${name}#${++channels}`;
  /** Bumped by every run and cancel: a run still waiting for the worker to start is superseded by a later one. */
  let generation = 0;
  return {
    async run(id: ExperimentId, config: unknown, seed: number, options: Omit<RunOptions, 'channel'> = {}) {
      const mine = ++generation;
      const { client } = await worker();
      // Superseded (or cancelled) while the worker was starting: settle here, as the client would.
      if (mine !== generation) throw new AbortError();
      return client.run(id, config, seed, { ...options, channel });
    },
    cancel() {
      generation++;
      void shared?.then(
        ({ client }) => client.cancel(channel),
        () => {},
      );
    },
    async backend() {
      const { backend, reason } = await worker();
      return reason ? { backend, reason } : { backend };
    },
  } as WidgetChannel;
}

/** Whether an error is a superseded or cancelled run (not worth showing to the reader). */
export const isAbort = (err: unknown) => (err as Error)?.name === 'AbortError';
