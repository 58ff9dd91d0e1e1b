// The training queue against a fake worker whose chunks finish only when the test says: requests add up, chunks never
// overlap, Stop cancels the rest (and the chunk in flight), a restart starts from θ₀.
import { describe, expect, it } from 'vitest';
import { TrainQueue, type ChunkOutcome, type QueueHost } from '../../../src/components/widgets/hessian-spectrum/train-queue.ts';

/** A host whose worker answers one chunk at a time, on `finish()`; records every request. */
function fakeHost(opts: { fresh?: boolean } = {}) {
  let step = 0;
  let fresh = opts.fresh ?? false;
  let pending: { steps: number; resolve: (o: ChunkOutcome) => void } | null = null;
  const requests: number[] = [];
  const idles: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const host: QueueHost = {
    step: () => step,
    fresh: () => fresh,
    advance: (steps) =>
      new Promise<ChunkOutcome>((resolve) => {
        requests.push(steps);
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        pending = {
          steps,
          resolve: (o) => {
            inFlight--;
            resolve(o);
          },
        };
      }),
    cancel: () => {
      const p = pending;
      pending = null;
      p?.resolve('cancelled');
    },
    visible: () => true,
    track: (p) => p,
    idle: (why) => idles.push(why),
  };
  /** Lets pending promises run (the queue awaits once before each chunk). */
  const flush = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  const finish = async () => {
    await flush();
    const p = pending;
    if (!p) return false;
    pending = null;
    step += p.steps;
    fresh = false;
    p.resolve('trained');
    await flush();
    return true;
  };
  const drain = async () => {
    while (await finish());
  };
  return {
    host,
    requests,
    idles,
    finish,
    drain,
    flush,
    get step() {
      return step;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    reset(to: number) {
      step = to;
      fresh = true;
    },
  };
}

describe('TrainQueue', () => {
  it('adds up ten quick presses of +100 to 1,000 steps, trained 100 at a time, one chunk in flight', async () => {
    const f = fakeHost();
    const q = new TrainQueue(f.host, 100, 20_000);
    for (let i = 0; i < 10; i++) q.add(100);
    expect(q.pending).toBe(1000);
    await f.drain();
    expect(f.step).toBe(1000);
    expect(f.requests).toEqual(Array(10).fill(100));
    expect(f.maxInFlight).toBe(1);
    expect(f.idles).toEqual(['done']);
    expect(q.running).toBe(false);
  });

  it('keeps adding while chunks run: presses during training are not dropped', async () => {
    const f = fakeHost();
    const q = new TrainQueue(f.host, 100, 20_000);
    q.add(100);
    await f.flush();
    q.add(100);
    q.add(100);
    await f.finish();
    q.add(100);
    await f.drain();
    expect(f.maxInFlight).toBe(1);
    expect(f.step).toBe(400);
    expect(f.idles).toEqual(['done']);
  });

  it('trains a remainder shorter than a chunk, and stops at the step limit', async () => {
    const f = fakeHost();
    const q = new TrainQueue(f.host, 100, 250);
    q.add(100);
    q.add(100);
    q.add(100);
    await f.drain();
    expect(f.requests).toEqual([100, 100, 50]);
    expect(q.add(100)).toBe(false);
  });

  it('Stop cancels the chunk in flight and every step still asked for', async () => {
    const f = fakeHost();
    const q = new TrainQueue(f.host, 100, 20_000);
    for (let i = 0; i < 10; i++) q.add(100);
    await f.finish();
    await f.flush();
    expect(f.step).toBe(100);
    q.stop();
    await f.drain();
    expect(f.step).toBe(100);
    expect(q.pending).toBe(0);
    expect(f.idles).toEqual(['stopped']);
    // A press after Stop asks for 100 more from where θ is, not from the cancelled target.
    q.add(100);
    await f.drain();
    expect(f.step).toBe(200);
  });

  it('trains on while "Train" is on, and a restart begins with one request from θ₀ even for 0 steps', async () => {
    const f = fakeHost();
    const q = new TrainQueue(f.host, 100, 20_000);
    q.train(true);
    await f.finish();
    await f.finish();
    expect(f.step).toBe(200);
    expect(q.running).toBe(true);
    q.train(false);
    await f.drain();
    expect(f.step).toBe(200);
    expect(f.idles).toEqual(['stopped']);
    f.reset(0);
    q.restart(0);
    await f.drain();
    expect(f.requests.at(-1)).toBe(0);
    expect(f.idles.at(-1)).toBe('done');
  });
});
