// The worker side of the runtime: per channel, one experiment at a time; a newer request supersedes a running one.
import { tf } from '../autodiff/tf.ts';
import { AbortError } from '../train/abort.ts';
import { idle, runExperiment } from '../experiments/index.ts';
import { useBackend } from './backend.ts';
import { DEFAULT_CHANNEL, type FromWorker, type ToWorker } from './protocol.ts';

type RunRequest = Extract<ToWorker, { type: 'run' }>;

interface Channel {
  running?: { requestId: number; controller: AbortController } | undefined;
  next?: RunRequest | undefined;
}

/**
 * Returns the message handler. Within a channel, requests queue behind the running one; when a new run
 * arrives the running one is aborted (it stops at its scheduler's next tick, within about 16 ms, and answers
 * 'cancelled', never a result) and only the newest waiting run starts, so a burst of 50 clicks costs one
 * computation, not fifty. Channels (one per widget) do not supersede each other. The page settles superseded
 * runs itself (host.ts); these answers only keep the two sides' books equal.
 */
export function createWorkerHandler(post: (message: FromWorker) => void) {
  const channels = new Map<string, Channel>();
  const channelOf = (name = DEFAULT_CHANNEL): Channel => {
    let c = channels.get(name);
    if (!c) channels.set(name, (c = {}));
    return c;
  };

  async function start(channel: Channel, request: RunRequest) {
    const controller = new AbortController();
    channel.running = { requestId: request.requestId, controller };
    const t0 = performance.now();
    try {
      const result = await runExperiment(
        { id: request.id, config: request.config, seed: request.seed },
        { signal: controller.signal, onProgress: (progress) => post({ type: 'progress', requestId: request.requestId, progress }) },
      );
      // A run superseded or cancelled after its last yield has no reader: the page settled it already.
      if (controller.signal.aborted) post({ type: 'cancelled', requestId: request.requestId });
      else post({ type: 'result', requestId: request.requestId, result, ms: performance.now() - t0, backend: tf.getBackend() });
    } catch (err) {
      if (err instanceof AbortError || controller.signal.aborted) post({ type: 'cancelled', requestId: request.requestId });
      else
        post({
          type: 'error',
          requestId: request.requestId,
          name: (err as Error).name ?? 'Error',
          message: (err as Error).message ?? String(err),
        });
    } finally {
      channel.running = undefined;
      const queued = channel.next;
      channel.next = undefined;
      if (queued) void start(channel, queued);
    }
  }

  return (message: ToWorker) => {
    if (message.type === 'init') {
      void useBackend(message.backend, message.wasmBase).then((choice) =>
        post({ type: 'ready', requestId: message.requestId, backend: choice.active, ...(choice.reason ? { reason: choice.reason } : {}) }),
      );
      return;
    }
    if (message.type === 'memory') {
      const m = tf.memory();
      post({ type: 'memory', requestId: message.requestId, numTensors: m.numTensors, numBytes: m.numBytes, idle: idle() });
      return;
    }
    if (message.type === 'cancel') {
      for (const channel of channels.values()) {
        if (channel.running?.requestId === message.requestId) channel.running.controller.abort();
        if (channel.next?.requestId === message.requestId) {
          post({ type: 'cancelled', requestId: channel.next.requestId });
          channel.next = undefined;
        }
      }
      return;
    }
    // Anything else is not for the runtime (a test's own message, a stray postMessage): ignore it.
    if (message.type !== 'run') return;
    const channel = channelOf(message.channel);
    if (channel.running) {
      channel.running.controller.abort();
      if (channel.next) post({ type: 'cancelled', requestId: channel.next.requestId });
      channel.next = message;
      return;
    }
    void start(channel, message);
  };
}
