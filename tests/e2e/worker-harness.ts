// A bare page for browser tests of the experiment worker: exposes runtime clients on window.
import { createExperimentClient } from '../../src/lib/runtime/host.ts';
import type { Port } from '../../src/lib/runtime/protocol.ts';

/** A client of a fresh worker loaded from `url` (a missing script makes a worker that fails to start). */
const open = (url: string) => {
  const worker = new Worker(new URL(url, location.href), { type: 'module' });
  const client = createExperimentClient(worker as unknown as Port, { onLost: () => worker.terminate() });
  return Object.assign(client, { post: (m: unknown) => worker.postMessage(m) });
};

Object.assign(window, { saddle: open('./worker.js'), open, ticks: 0 });
// A heartbeat on the main thread: if the page froze, the count would stop while a run is going.
setInterval(() => {
  (window as unknown as { ticks: number }).ticks++;
}, 10);
