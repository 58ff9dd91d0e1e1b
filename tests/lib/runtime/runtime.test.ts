import { describe, expect, it } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import { tf } from '../../../src/lib/autodiff/tf.ts';
import { createWorkerHandler } from '../../../src/lib/runtime/worker-core.ts';
import { createExperimentClient } from '../../../src/lib/runtime/host.ts';
import { runExperiment } from '../../../src/lib/experiments/index.ts';
import { AbortError } from '../../../src/lib/train/train-batched.ts';
import type { Port, ToWorker } from '../../../src/lib/runtime/protocol.ts';

/** Host and worker core joined by a real MessageChannel (structured cloning included), in one thread. */
function connect() {
  const { port1, port2 } = new MessageChannel();
  const handle = createWorkerHandler((m) => port2.postMessage(m));
  port2.on('message', (m: ToWorker) => handle(m));
  const port: Port = {
    postMessage: (m) => port1.postMessage(m),
    addEventListener: (_t, l) => port1.on('message', (data) => l({ data })),
    removeEventListener: () => {},
  };
  return {
    client: createExperimentClient(port),
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

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
    const before = tf.memory().numTensors;
    const first = client.run('relu-regression-minima', long.config, 1);
    const second = client.run('relu-regression-minima', long.config, 2);
    const third = client.run('toy-hessian', { w1: 1, w2: 1 }, 3);
    const [a, b] = await Promise.allSettled([first, second]);
    expect(a.status === 'rejected' && a.reason).toBeInstanceOf(AbortError);
    expect(b.status === 'rejected' && b.reason).toBeInstanceOf(AbortError);
    const { result } = await third;
    expect((result as { eigenvalues: number[] }).eigenvalues[1]).toBeCloseTo(4, 5);
    expect(tf.memory().numTensors).toBe(before);
    close();
  });

  it('cancels on request and leaves no tensors behind', async () => {
    const { client, close } = connect();
    const before = tf.memory().numTensors;
    const run = client.run('relu-regression-minima', long.config, 1, {
      onProgress: (p) => {
        if (p.fraction > 0.1) client.cancel();
      },
    });
    await expect(run).rejects.toBeInstanceOf(AbortError);
    expect(client.busy()).toBe(false);
    expect(tf.memory().numTensors).toBe(before);
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
    client.run('relu-regression-minima', long.config, 1, { channel: 'c' }).catch(() => {});
    expect(client.busy('c')).toBe(true);
    expect(client.busy('a')).toBe(false);
    client.cancel('c');
    await new Promise((r) => setTimeout(r, 50));
    expect(client.busy()).toBe(false);
    close();
  });

  it("reports the worker's tensor count, which does not grow across runs", async () => {
    const { client, close } = connect();
    const before = await client.memory();
    expect(before.numTensors).toBe(tf.memory().numTensors);
    for (let i = 0; i < 3; i++) await client.run('toy-hessian', { w1: i, w2: 1 }, i);
    expect((await client.memory()).numTensors).toBe(before.numTensors);
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
