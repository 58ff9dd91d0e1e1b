// Host and worker core joined by a real MessageChannel (structured cloning included) in one thread, with a way to
// fire the `error` and `messageerror` events a real Worker fires when its script fails or it dies.
import { MessageChannel } from 'node:worker_threads';
import { createWorkerHandler } from '../../../src/lib/runtime/worker-core.ts';
import { createExperimentClient, type ClientOptions } from '../../../src/lib/runtime/host.ts';
import type { Port, ToWorker } from '../../../src/lib/runtime/protocol.ts';

// Each listener gets the event shape of its own type; one set type for all keeps the bookkeeping short.
type Listener = (event: { data: unknown; message?: string }) => void;

export function connect(options: ClientOptions & { startWorker?: boolean } = {}) {
  const { port1, port2 } = new MessageChannel();
  // A worker that never started answers nothing: its end of the channel is simply not listened to.
  const handle = createWorkerHandler((m) => port2.postMessage(m));
  const runs: number[] = [];
  if (options.startWorker !== false)
    port2.on('message', (m: ToWorker) => {
      if (m.type === 'run') runs.push(m.requestId);
      handle(m);
    });
  const listeners = { message: new Set<Listener>(), error: new Set<Listener>(), messageerror: new Set<Listener>() };
  port1.on('message', (data) => {
    for (const l of listeners.message) l({ data });
  });
  const port: Port = {
    postMessage: (m) => port1.postMessage(m),
    addEventListener: (type: keyof typeof listeners, l: (event: never) => void) => void listeners[type].add(l as Listener),
    removeEventListener: (type: keyof typeof listeners, l: (event: never) => void) => void listeners[type].delete(l as Listener),
  };
  return {
    client: createExperimentClient(port, options),
    /** The worker's end: with `startWorker: false` a test plays the worker through it. */
    workerEnd: port2,
    /** Fires the worker's `error` event, as a browser does for a script that 404s or throws. */
    crash: (message: string) => {
      for (const l of [...listeners.error]) l({ data: undefined, message });
    },
    /** Fires `messageerror`, as a browser does for a message it cannot deserialise. */
    unreadable: () => {
      for (const l of [...listeners.messageerror]) l({ data: undefined });
    },
    /** Listeners still attached (a lost client detaches its own). */
    attached: () => listeners.message.size + listeners.error.size + listeners.messageerror.size,
    /** Stops the worker side as terminating a real worker would: its runs stop computing, nothing more is sent. */
    terminate: () => {
      for (const requestId of runs) handle({ type: 'cancel', requestId });
      port1.close();
      port2.close();
    },
    close: () => {
      port1.close();
      port2.close();
    },
  };
}
