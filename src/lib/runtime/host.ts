// The page side of the runtime: run an experiment in the worker; per channel the latest call wins, earlier ones reject.
import { AbortError } from '../train/abort.ts';
import type { Progress } from '../experiments/types.ts';
import { DEFAULT_CHANNEL, type FromWorker, type Port, type ToWorker } from './protocol.ts';

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

export class ExperimentError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

interface Pending {
  channel: string;
  resolve: (o: RunOutcome) => void;
  reject: (e: Error) => void;
  onProgress?: ((p: Progress) => void) | undefined;
}

export function createExperimentClient(port: Port) {
  let counter = 0;
  const pending = new Map<number, Pending>();
  const replies = new Map<number, (msg: FromWorker) => void>();

  const listener = (event: { data: unknown }) => {
    const msg = event.data as FromWorker;
    const reply = replies.get(msg.requestId);
    if (reply) {
      replies.delete(msg.requestId);
      return reply(msg);
    }
    const p = pending.get(msg.requestId);
    if (!p) return;
    if (msg.type === 'progress') return p.onProgress?.(msg.progress);
    pending.delete(msg.requestId);
    if (msg.type === 'result') p.resolve({ result: msg.result, ms: msg.ms, backend: msg.backend });
    else if (msg.type === 'cancelled') p.reject(new AbortError());
    else if (msg.type === 'error') p.reject(new ExperimentError(msg.name, msg.message));
  };
  port.addEventListener('message', listener);
  const send = (m: ToWorker) => port.postMessage(m);
  const ask = (make: (requestId: number) => ToWorker) =>
    new Promise<FromWorker>((resolve) => {
      const requestId = ++counter;
      replies.set(requestId, resolve);
      send(make(requestId));
    });

  return {
    /** Picks the worker's backend; resolves with the one actually active (and why, if not the preferred). */
    async init(backend: 'cpu' | 'wasm', wasmBase?: string | Record<string, string>): Promise<{ backend: string; reason?: string }> {
      const msg = await ask((requestId) =>
        wasmBase === undefined ? { type: 'init', requestId, backend } : { type: 'init', requestId, backend, wasmBase },
      );
      if (msg.type !== 'ready') throw new Error(`unexpected reply "${msg.type}" to init`);
      return { backend: msg.backend, ...(msg.reason ? { reason: msg.reason } : {}) };
    },
    /** Runs `id` with `config`; an earlier run of the same channel still pending is superseded and rejects with AbortError. */
    run<R = unknown>(id: string, config: unknown, seed: number, options: RunOptions = {}): Promise<RunOutcome<R>> {
      const requestId = ++counter;
      const channel = options.channel ?? DEFAULT_CHANNEL;
      return new Promise<RunOutcome<R>>((resolve, reject) => {
        pending.set(requestId, { channel, resolve: resolve as (o: RunOutcome) => void, reject, onProgress: options.onProgress });
        send({ type: 'run', requestId, id, config, seed, channel });
      });
    },
    /** Cancels what is pending (on one channel, or on all); those promises reject with AbortError. */
    cancel(channel?: string) {
      for (const [requestId, p] of pending) if (channel === undefined || p.channel === channel) send({ type: 'cancel', requestId });
    },
    /** How many tensors (and bytes) the worker's tfjs holds: it must not grow between runs. */
    async memory(): Promise<{ numTensors: number; numBytes: number }> {
      const msg = await ask((requestId) => ({ type: 'memory', requestId }));
      if (msg.type !== 'memory') throw new Error(`unexpected reply "${msg.type}" to memory`);
      return { numTensors: msg.numTensors, numBytes: msg.numBytes };
    },
    busy(channel?: string) {
      for (const p of pending.values()) if (channel === undefined || p.channel === channel) return true;
      return false;
    },
    dispose() {
      this.cancel();
      port.removeEventListener('message', listener);
    },
  };
}

export type ExperimentClient = ReturnType<typeof createExperimentClient>;
