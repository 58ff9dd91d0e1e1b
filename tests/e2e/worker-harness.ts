// A bare page for browser tests of the experiment worker: exposes the runtime client on window.
import { createExperimentClient } from '../../src/lib/runtime/host.ts';
import type { Port } from '../../src/lib/runtime/protocol.ts';

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const client = createExperimentClient(worker as unknown as Port);
Object.assign(window, { saddle: client, ticks: 0 });
// A heartbeat on the main thread: if the page froze, the count would stop while a run is going.
setInterval(() => {
  (window as unknown as { ticks: number }).ticks++;
}, 10);
