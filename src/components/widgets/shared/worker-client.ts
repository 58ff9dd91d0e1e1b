// The page's one experiment worker, started on first use and shared by every widget (each on its own channel).
import { createExperimentClient, type ExperimentClient, type RunOptions, type RunOutcome } from '../../../lib/runtime/host.ts';
import { WASM_BASE } from '../../../lib/runtime/wasm-base.ts';

let shared: Promise<{ client: ExperimentClient; backend: string; reason?: string }> | undefined;

/** Starts the worker with the wasm backend (cpu if wasm cannot start) the first time any widget asks. */
function worker() {
  shared ??= (async () => {
    const w = new Worker(new URL('../../../lib/runtime/worker.ts', import.meta.url), { type: 'module', name: 'saddle-experiments' });
    const client = createExperimentClient(w);
    const choice = await client.init('wasm', WASM_BASE);
    (globalThis as { __saddleWorker?: ExperimentClient }).__saddleWorker = client;
    return { client, ...choice };
  })();
  return shared;
}

export interface WidgetChannel {
  /** Runs an experiment in the worker; a newer run on this channel supersedes it (it rejects with an AbortError). */
  run<R>(id: string, config: unknown, seed: number, options?: Omit<RunOptions, 'channel'>): Promise<RunOutcome<R>>;
  cancel(): void;
  /** The backend the worker runs on ('wasm', or 'cpu' with the reason wasm did not start). */
  backend(): Promise<{ backend: string; reason?: string }>;
}

let channels = 0;

/** A channel of the shared worker for one widget instance. */
export function widgetChannel(name: string): WidgetChannel {
  const channel = `${name}#${++channels}`;
  return {
    async run<R>(id: string, config: unknown, seed: number, options: Omit<RunOptions, 'channel'> = {}) {
      const { client } = await worker();
      return client.run<R>(id, config, seed, { ...options, channel });
    },
    cancel() {
      void shared?.then(({ client }) => client.cancel(channel));
    },
    async backend() {
      const { backend, reason } = await worker();
      return reason ? { backend, reason } : { backend };
    },
  };
}

/** Whether an error is a superseded or cancelled run (not worth showing to the reader). */
export const isAbort = (err: unknown) => (err as Error)?.name === 'AbortError';
