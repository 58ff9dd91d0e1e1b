// The one cooperative scheduler of long work: yield to the event loop by the clock and stop at once when aborted.
import { AbortError } from './abort.ts';

/** How long work runs between yields (about one frame), so a cancel or another channel's request is read within it. */
export const SLICE_MS = 16;

export interface Scheduler {
  /**
   * Call between units of work. Throws AbortError when the signal has fired; when the slice is used up, reports
   * progress (if given) and yields to the event loop, then checks the signal again.
   */
  tick(progress?: () => void): Promise<void>;
  /** Throws AbortError if the signal has fired (no yield): for synchronous checkpoints. */
  check(): void;
  /** Yields whatever the clock says (at the end of a stage whose progress should show now). */
  yieldNow(progress?: () => void): Promise<void>;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * A message channel yields faster than setTimeout(0), which browsers clamp to 4 ms after a few nested calls;
 * it still lets queued messages (cancel, a newer request) run first. Node and workers both have MessageChannel.
 */
function makeYield(): () => Promise<void> {
  if (typeof MessageChannel === 'undefined') return () => new Promise((resolve) => setTimeout(resolve, 0));
  return () =>
    new Promise<void>((resolve) => {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = () => {
        port1.close();
        resolve();
      };
      port2.postMessage(0);
    });
}

const yieldToLoop = makeYield();

export function createScheduler(signal?: AbortSignal, sliceMs = SLICE_MS): Scheduler {
  let sliceStart = now();
  const check = () => {
    if (signal?.aborted) throw new AbortError();
  };
  const yieldNow = async (progress?: () => void) => {
    check();
    progress?.();
    await yieldToLoop();
    check();
    sliceStart = now();
  };
  return {
    check,
    yieldNow,
    async tick(progress) {
      check();
      if (now() - sliceStart >= sliceMs) await yieldNow(progress);
    },
  };
}
