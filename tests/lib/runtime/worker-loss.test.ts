// A worker that fails to start, sends an unreadable message or dies mid-run: every pending call rejects, none hangs.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkerLostError } from '../../../src/lib/runtime/worker-lost.ts';
import { DEFAULT_START_TIMEOUT_MS } from '../../../src/lib/runtime/host.ts';
import { connect } from './connect.ts';

const lost = (phase: 'start' | 'run', detail: RegExp) =>
  expect.objectContaining({ name: 'WorkerLostError', phase, message: expect.stringMatching(detail) });

afterEach(() => {
  vi.useRealTimers();
});

describe('a worker that fails to start', () => {
  it('rejects init, runs and memory with WorkerLostError (phase start) when its script fails to load', async () => {
    const onLost = vi.fn();
    const w = connect({ startWorker: false, onLost });
    const init = w.client.init('cpu');
    const runA = w.client.run('toy-hessian', {}, 1, { channel: 'a' });
    const runB = w.client.run('goe-definite', {}, 1, { channel: 'b' });
    const memory = w.client.memory();
    w.crash('404 Not Found');
    for (const call of [init, runA, runB, memory]) await expect(call).rejects.toEqual(lost('start', /failed to start: 404 Not Found/));
    await expect(init).rejects.toBeInstanceOf(WorkerLostError);
    expect(onLost).toHaveBeenCalledTimes(1);
    expect(w.client.busy()).toBe(false);
    // The lost client lets go of the worker and refuses new work at once instead of sending it nowhere.
    expect(w.attached()).toBe(0);
    await expect(w.client.run('toy-hessian', {}, 2)).rejects.toEqual(lost('start', /404/));
    w.close();
  });

  it('fails its start when init gets no answer at all (a worker that hangs silently), after a generous timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const w = connect({ startWorker: false });
    const init = w.client.init('wasm');
    const run = w.client.run('toy-hessian', {}, 1);
    vi.advanceTimersByTime(DEFAULT_START_TIMEOUT_MS - 1);
    expect(w.client.lost).toBeUndefined();
    vi.advanceTimersByTime(1);
    await expect(init).rejects.toEqual(lost('start', /no answer within 60 s/));
    await expect(run).rejects.toEqual(lost('start', /no answer/));
    w.close();
  });

  it('treats an unreadable message as a lost worker', async () => {
    const w = connect({ startWorker: false });
    const run = w.client.run('toy-hessian', {}, 1);
    w.unreadable();
    await expect(run).rejects.toEqual(lost('start', /could not read/));
    w.close();
  });
});

describe('a worker that dies mid-run', () => {
  it('rejects every pending run on every channel and the pending memory call (phase run), and refuses new ones', async () => {
    const w = connect();
    await w.client.init('cpu');
    let crashed = false;
    const long = w.client.run('relu-regression-minima', { starts: 256, steps: 50_000, probes: 10 }, 1, {
      channel: 'a',
      onProgress: () => {
        if (crashed) return;
        crashed = true;
        w.terminate();
        w.crash('out of memory');
      },
    });
    const other = w.client.run('goe-definite', { maxN: 30, samples: 100_000 }, 2, { channel: 'b' });
    await expect(long).rejects.toEqual(lost('run', /stopped: out of memory/));
    await expect(other).rejects.toEqual(lost('run', /out of memory/));
    expect(crashed).toBe(true);
    await expect(w.client.memory()).rejects.toBeInstanceOf(WorkerLostError);
    expect(w.client.busy()).toBe(false);
  });

  it('rejects pending calls when the owner declares the worker lost with fail(reason)', async () => {
    const w = connect();
    await w.client.init('cpu');
    const run = w.client.run('goe-definite', { maxN: 30, samples: 100_000 }, 2, {
      onProgress: () => {
        w.client.fail('terminated by a test');
        w.terminate();
      },
    });
    await expect(run).rejects.toEqual(lost('run', /terminated by a test/));
  });
});
