// Messages between a page and the experiment worker.
import type { Progress } from '../experiments/types.ts';

export type BackendName = 'cpu' | 'wasm';

/** Runs on different channels (one per widget) run independently; within a channel the newest run wins. */
export const DEFAULT_CHANNEL = 'default';

export type ToWorker =
  | { type: 'init'; requestId: number; backend: BackendName; wasmBase?: string | Record<string, string> }
  | { type: 'run'; requestId: number; id: string; config: unknown; seed: number; channel?: string }
  | { type: 'cancel'; requestId: number }
  | { type: 'memory'; requestId: number };

export type FromWorker =
  | { type: 'ready'; requestId: number; backend: string; reason?: string }
  | { type: 'progress'; requestId: number; progress: Progress }
  | { type: 'result'; requestId: number; result: unknown; ms: number; backend: string }
  | { type: 'error'; requestId: number; name: string; message: string }
  | { type: 'cancelled'; requestId: number }
  /** `idle`: no experiment was running, so `numTensors` is the baseline every run must return to. */
  | { type: 'memory'; requestId: number; numTensors: number; numBytes: number; idle: boolean };

/**
 * The part of a Worker or MessagePort the runtime uses. `error` (a script that fails to load or throws) and
 * `messageerror` (a message that cannot be read) mean the worker is lost; a MessagePort never fires `error`.
 */
export interface Port {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: { message?: string }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'error' | 'messageerror', listener: (event: { message?: string }) => void): void;
}
