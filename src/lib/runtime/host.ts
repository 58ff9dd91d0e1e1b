// The page side of the runtime: run an experiment in the worker; per channel the latest call wins, earlier ones reject.
import { AbortError } from '../train/abort.ts';
import type { Progress } from '../experiments/types.ts';
import { DEFAULT_CHANNEL, type FromWorker, type Port, type ToWorker } from './protocol.ts';
import { WorkerLostError } from './worker-lost.ts';

export interface RunOptions {
  onProgress?: (p: Progress) => void;
  /** Runs on different channels do not supersede each other (give each widget its own). */
  channel?: string;
}

export interface RunOutcome<R = unknown> {
  result: R;
  ms: number;
  backend: string;
}

/** What the worker's tfjs holds; `idle` says no experiment was running, so the count must be at its baseline. */
export interface WorkerMemory {
  numTensors: number;
  numBytes: number;
  idle: boolean;
}

export class ExperimentError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export interface ClientOptions {
  /** Called once when the worker is lost (after every pending call has rejected): the owner terminates it. */
  onLost?: (err: WorkerLostError) => void;
  /**
   * How long `init` may wait for its answer before the worker counts as failed to start. A worker that cannot load
   * its script says so through its `error` event at once; this only catches one that hangs silently. Generous,
   * because a loaded two-core machine may take seconds to compile the wasm backend before it answers.
   */
  startTimeoutMs?: number;
}

export const DEFAULT_START_TIMEOUT_MS = 60_000;

/** A call waiting for the worker: a run (with its channel) or a one-off request (init, memory). */
interface Pending {
  channel?: string;
  settle: (msg: FromWorker) => void;
  reject: (e: Error) => void;
}

export function createExperimentClient(port: Port, options: ClientOptions = {}) {
  let counter = 0;
  /** Whether the worker has ever answered: a loss before that is a failed start, after it a death mid-run. */
  let heard = false;
  let lost: WorkerLostError | undefined;
  const pending = new Map<number, Pending>();

  const send = (m: ToWorker) => port.postMessage(m);

  /** Rejects every pending call with WorkerLostError; later calls reject at once. Idempotent. */
  const fail = (reason: string) => {
    if (lost) return;
    lost = new WorkerLostError(heard ? 'run' : 'start', reason);
    const all = [...pending.values()];
    pending.clear();
    for (const p of all) p.reject(lost);
    port.removeEventListener('message', listener);
    port.removeEventListener('error', onError);
    port.removeEventListener('messageerror', onMessageError);
    options.onLost?.(lost);
  };

  const listener = (event: { data: unknown }) => {
    heard = true;
    const msg = event.data as FromWorker;
    // A message for a call that has settled already (superseded, cancelled) is ignored.
    pending.get(msg.requestId)?.settle(msg);
  };
  const onError = (event: { message?: string }) => fail(event?.message || 'its script did not load or threw');
  const onMessageError = () => fail('it sent a message the page could not read');
  port.addEventListener('message', listener);
  port.addEventListener('error', onError);
  port.addEventListener('messageerror', onMessageError);

  /** Sends a one-off request and resolves with its single answer. */
  const ask = (make: (requestId: number) => ToWorker) =>
    new Promise<FromWorker>((resolve, reject) => {
      if (lost) return reject(lost);
      const requestId = ++counter;
      pending.set(requestId, {
        settle: (msg) => {
          pending.delete(requestId);
          resolve(msg);
        },
        reject,
      });
      send(make(requestId));
    });

  /** Settles a pending run host-side with AbortError and tells the worker to stop it (its late messages are ignored). */
  const abandon = (requestId: number) => {
    const p = pending.get(requestId);
    if (!p) return;
    pending.delete(requestId);
    p.reject(new AbortError());
    if (!lost) send({ type: 'cancel', requestId });
  };

  return {
    /** Picks the worker's backend; resolves with the one actually active (and why, if not the preferred). */
    async init(backend: 'cpu' | 'wasm', wasmBase?: string | Record<string, string>): Promise<{ backend: string; reason?: string }> {
      const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
      const timer = setTimeout(() => fail(`no answer within ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
      try {
        const msg = await ask((requestId) =>
          wasmBase === undefined ? { type: 'init', requestId, backend } : { type: 'init', requestId, backend, wasmBase },
        );
        if (msg.type !== 'ready') throw new Error(`unexpected reply "${msg.type}" to init`);
        return { backend: msg.backend, ...(msg.reason ? { reason: msg.reason } : {}) };
      } finally {
        clearTimeout(timer);
      }
    },
    /**
     * Runs `id` with `config`. An earlier run of the same channel still pending is superseded: it rejects with
     * AbortError at once (the worker is told to stop it), whatever the worker is still doing.
     */
    run<R = unknown>(id: string, config: unknown, seed: number, options: RunOptions = {}): Promise<RunOutcome<R>> {
      const channel = options.channel ?? DEFAULT_CHANNEL;
      for (const [requestId, p] of pending) if (p.channel === channel) abandon(requestId);
      return new Promise<RunOutcome<R>>((resolve, reject) => {
        if (lost) return reject(lost);
        const requestId = ++counter;
        pending.set(requestId, {
          channel,
          reject,
          settle: (msg) => {
            if (msg.type === 'progress') return options.onProgress?.(msg.progress);
            pending.delete(requestId);
            if (msg.type === 'result') resolve({ result: msg.result as R, ms: msg.ms, backend: msg.backend });
            else if (msg.type === 'cancelled') reject(new AbortError());
            else if (msg.type === 'error') reject(new ExperimentError(msg.name, msg.message));
            else reject(new Error(`unexpected reply "${msg.type}" to run`));
          },
        });
        send({ type: 'run', requestId, id, config, seed, channel });
      });
    },
    /** Cancels what is pending (on one channel, or on all): those promises reject with AbortError at once. */
    cancel(channel?: string) {
      for (const [requestId, p] of pending)
        if (p.channel !== undefined && (channel === undefined || p.channel === channel)) abandon(requestId);
    },
    /** How many tensors (and bytes) the worker's tfjs holds, and whether it was idle: idle, the count must not grow. */
    async memory(): Promise<WorkerMemory> {
      const msg = await ask((requestId) => ({ type: 'memory', requestId }));
      if (msg.type !== 'memory') throw new Error(`unexpected reply "${msg.type}" to memory`);
      return { numTensors: msg.numTensors, numBytes: msg.numBytes, idle: msg.idle };
    },
    busy(channel?: string) {
      for (const p of pending.values()) if (p.channel !== undefined && (channel === undefined || p.channel === channel)) return true;
      return false;
    },
    /** Treats the worker as lost: every pending call rejects with WorkerLostError (tests use it; so does the owner). */
    fail,
    /** The error calls reject with once the worker is lost, else undefined. */
    get lost(): WorkerLostError | undefined {
      return lost;
    },
    dispose() {
      this.cancel();
      port.removeEventListener('message', listener);
      port.removeEventListener('error', onError);
      port.removeEventListener('messageerror', onMessageError);
    },
  };
}

export type ExperimentClient = ReturnType<typeof createExperimentClient>;
