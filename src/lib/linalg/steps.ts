// Long synchronous algorithms written as generators that pause between blocks: run straight through, or with yields.

/** A computation that pauses (yields) between blocks of work and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps straight through, synchronously. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the steps, awaiting `tick` (a scheduler's: yields by the clock, throws when aborted) at every pause. */
export async function drainScheduled<T>(steps: Steps<T>, tick: () => Promise<void>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await tick();
  }
}
