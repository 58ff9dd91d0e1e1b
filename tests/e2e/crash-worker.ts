// The real experiment worker, plus a way to make it die: on { type: 'crash' } it throws an uncaught error, which the
// page sees as the worker's `error` event, exactly as when a real worker fails mid-run.
import '../../src/lib/runtime/worker.ts';

self.addEventListener('message', (event: MessageEvent) => {
  if ((event.data as { type?: string })?.type === 'crash')
    setTimeout(() => {
      throw new Error('the experiment worker crashed on purpose');
    }, 0);
});
