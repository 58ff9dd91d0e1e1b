// The experiment runtime over a real MessageChannel: results, progress, newest-wins per channel, cancel, backends.
import { describe, expect, it } from 'vitest';
import { tf } from '../../../src/lib/autodiff/tf.ts';
import { runExperiment } from '../../../src/lib/experiments/index.ts';
import { AbortError } from '../../../src/lib/train/abort.ts';
import type { FromWorker, ToWorker } from '../../../src/lib/runtime/protocol.ts';
import { createWorkerHandler } from '../../../src/lib/runtime/worker-core.ts';
import { connect } from './connect.ts';

const long = { config: { starts: 512, steps: 50_000, probes: 10 } };

describe('the experiment runtime', () => {
  it('returns what running the experiment directly returns, with progress on the way', async () => {
    const { client, close } = connect();
    const progress: number[] = [];
    const config = { starts: 16, steps: 300, probes: 50 };
    const { result } = await client.run('relu-regression-minima', config, 9, { onProgress: (p) => progress.push(p.fraction) });
    expect(result).toEqual(JSON.parse(JSON.stringify(await runExperiment({ id: 'relu-regression-minima', config, seed: 9 }))));
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
    close();
  });

  it('lets the latest request win: a superseded run rejects and only the newest runs', async () => {
    const { client, close } = connect();
    const before = (await client.memory()).numTensors;
    const first = client.run('relu-regression-minima', long.config, 1);
    const second = client.run('relu-regression-minima', long.config, 2);
    const third = client.run('toy-hessian', { w1: 1, w2: 1 }, 3);
    const [a, b] = await Promise.allSettled([first, second]);
    expect(a.status === 'rejected' && a.reason).toBeInstanceOf(AbortError);
    expect(b.status === 'rejected' && b.reason).toBeInstanceOf(AbortError);
    const { result } = await third;
    expect((result as { eigenvalues: number[] }).eigenvalues[1]).toBeCloseTo(4, 5);
    await expect.poll(() => client.memory()).toMatchObject({ idle: true, numTensors: before });
    close();
  });

  it('settles a superseded run on the page at once, tells the worker to stop it, and ignores its late answers', async () => {
    // The worker here is the test: it receives the messages and answers only when told, as a busy worker would.
    const { client, workerEnd, close } = connect({ startWorker: false });
    const seen: ToWorker[] = [];
    workerEnd.on('message', (m: ToWorker) => seen.push(m));
    const progress: number[] = [];
    const first = client.run('goe-definite', {}, 1, { onProgress: (p) => progress.push(p.fraction) });
    const second = client.run('toy-hessian', {}, 2);
    // No answer from the worker was needed for the first run to settle.
    await expect(first).rejects.toBeInstanceOf(AbortError);
    expect(client.busy()).toBe(true);
    await expect.poll(() => seen.map((m) => m.type)).toEqual(['run', 'cancel', 'run']);
    const [run1, cancel1, run2] = seen as [
      Extract<ToWorker, { type: 'run' }>,
      Extract<ToWorker, { type: 'cancel' }>,
      Extract<ToWorker, { type: 'run' }>,
    ];
    expect(cancel1.requestId).toBe(run1.requestId);
    const reply = (m: FromWorker) => workerEnd.postMessage(m);
    // The first run's late progress and result, then the second run's result: only the last counts.
    reply({ type: 'progress', requestId: run1.requestId, progress: { fraction: 0.5, stage: 'late' } });
    reply({ type: 'result', requestId: run1.requestId, result: 'stale', ms: 1, backend: 'cpu' });
    reply({ type: 'result', requestId: run2.requestId, result: 'fresh', ms: 1, backend: 'cpu' });
    await expect(second).resolves.toMatchObject({ result: 'fresh' });
    expect(progress).toEqual([]);
    expect(client.busy()).toBe(false);
    close();
  });

  it('never posts the result of a run superseded while it computed, even one that never yields', async () => {
    const posted: FromWorker[] = [];
    const handle = createWorkerHandler((m) => posted.push(m));
    // toy-hessian computes without yielding; the second request arrives while the first is still in flight.
    handle({ type: 'run', requestId: 1, id: 'toy-hessian', config: { w1: 1 }, seed: 1 });
    handle({ type: 'run', requestId: 2, id: 'toy-hessian', config: { w1: 2 }, seed: 1 });
    await expect.poll(() => posted.map((m) => `${m.requestId} ${m.type}`)).toEqual(['1 cancelled', '2 result']);
  });

  it('cancels on request at once and leaves no tensors behind once the worker is idle', async () => {
    const { client, close } = connect();
    const before = (await client.memory()).numTensors;
    const run = client.run('relu-regression-minima', long.config, 1, {
      onProgress: (p) => {
        if (p.fraction > 0.1) client.cancel();
      },
    });
    await expect(run).rejects.toBeInstanceOf(AbortError);
    expect(client.busy()).toBe(false);
    await expect.poll(() => client.memory()).toMatchObject({ idle: true, numTensors: before });
    close();
  });

  it('keeps channels apart: a run on one channel does not supersede a run on another', async () => {
    const { client, close } = connect();
    const a = client.run('relu-regression-minima', { starts: 16, steps: 300, probes: 20 }, 1, { channel: 'a' });
    const b1 = client.run('relu-regression-minima', long.config, 2, { channel: 'b' });
    const b2 = client.run('toy-hessian', { w1: 1, w2: 1 }, 3, { channel: 'b' });
    const [ra, rb1, rb2] = await Promise.allSettled([a, b1, b2]);
    expect(ra.status).toBe('fulfilled');
    expect(rb1.status === 'rejected' && rb1.reason).toBeInstanceOf(AbortError);
    expect(rb2.status).toBe('fulfilled');
    const c = client.run('relu-regression-minima', long.config, 1, { channel: 'c' });
    expect(client.busy('c')).toBe(true);
    expect(client.busy('a')).toBe(false);
    client.cancel('c');
    expect(client.busy()).toBe(false);
    await expect(c).rejects.toBeInstanceOf(AbortError);
    await expect.poll(() => client.memory()).toMatchObject({ idle: true });
    close();
  });

  it("reports the worker's tensor count, which does not grow across runs", async () => {
    const { client, close } = connect();
    const before = await client.memory();
    expect(before).toMatchObject({ idle: true, numTensors: tf.memory().numTensors });
    for (let i = 0; i < 3; i++) await client.run('toy-hessian', { w1: i, w2: 1 }, i);
    expect(await client.memory()).toMatchObject({ idle: true, numTensors: before.numTensors });
    close();
  });

  it('reports a bad config as an error naming the field', async () => {
    const { client, close } = connect();
    await expect(client.run('toy-hessian', { w1: 'far' }, 1)).rejects.toThrow(/w1: w1 must be a number/);
    close();
  });
});

describe('choosing the backend', () => {
  it('starts wasm when its files are found, and switches back to cpu on request', async () => {
    const { client, close } = connect();
    const wasmDir = new URL('../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).pathname;
    expect(await client.init('wasm', wasmDir)).toEqual({ backend: 'wasm' });
    const { result, backend } = await client.run('toy-hessian', {}, 1);
    expect(backend).toBe('wasm');
    expect((result as { eigenvalues: number[] }).eigenvalues).toEqual([-2, 2]);
    expect(await client.init('cpu')).toEqual({ backend: 'cpu' });
    close();
  });
});
