// The page's shared worker: a worker that fails to start or dies is replaced by a fresh one on the next call (Retry).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { createWorkerHandler } from '../../src/lib/runtime/worker-core.ts';
import type { ToWorker } from '../../src/lib/runtime/protocol.ts';
import type { ExperimentClient } from '../../src/lib/runtime/host.ts';
import { WorkerLostError } from '../../src/lib/runtime/worker-lost.ts';
import { AbortError } from '../../src/lib/train/abort.ts';

type Listener = (event: { data?: unknown; message?: string }) => void;

/**
 * Stands in for the browser's Worker: the real worker core behind a MessageChannel. `FakeWorker.plan` says how the
 * next one behaves: 'ok', or 'broken' (its script "404s": it fires `error` and never answers).
 */
class FakeWorker {
  static plan: ('ok' | 'broken')[] = [];
  static made: FakeWorker[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly inner: MessagePort;
  private readonly outer: MessagePort;
  private readonly runs: number[] = [];
  private readonly handle = createWorkerHandler((m) => this.inner.postMessage(m));

  readonly url: URL;
  readonly options: { type: string; name: string };

  constructor(url: URL, options: { type: string; name: string }) {
    this.url = url;
    this.options = options;
    FakeWorker.made.push(this);
    const { port1, port2 } = new MessageChannel();
    this.outer = port1;
    this.inner = port2;
    port1.on('message', (data) => this.emit('message', { data }));
    if ((FakeWorker.plan.shift() ?? 'ok') === 'broken') {
      setImmediate(() => this.emit('error', { message: 'GET worker.js 404' }));
      return;
    }
    port2.on('message', (m: ToWorker) => {
      if (m.type === 'run') this.runs.push(m.requestId);
      this.handle(m);
    });
  }
  addEventListener(type: string, l: Listener) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(l);
  }
  removeEventListener(type: string, l: Listener) {
    this.listeners.get(type)?.delete(l);
  }
  postMessage(m: unknown) {
    if (!this.terminated) this.outer.postMessage(m);
  }
  emit(type: string, event: { data?: unknown; message?: string }) {
    if (this.terminated) return;
    for (const l of [...(this.listeners.get(type) ?? [])]) l(event);
  }
  /** Like a real terminate: the worker stops computing at once and sends nothing more. */
  terminate() {
    for (const requestId of this.runs) this.handle({ type: 'cancel', requestId });
    this.terminated = true;
    this.outer.close();
    this.inner.close();
  }
}

let widgetChannel: typeof import('../../src/components/widgets/shared/worker-client.ts').widgetChannel;
const hook = () => (globalThis as { __saddleWorker?: ExperimentClient }).__saddleWorker!;

beforeAll(async () => {
  vi.stubGlobal('Worker', FakeWorker);
  ({ widgetChannel } = await import('../../src/components/widgets/shared/worker-client.ts'));
});

afterAll(() => {
  for (const w of FakeWorker.made) if (!w.terminated) w.terminate();
  vi.unstubAllGlobals();
});

describe("the page's shared experiment worker", () => {
  it('starts one module worker for every widget, from the worker entry', async () => {
    const a = widgetChannel('a');
    const b = widgetChannel('b');
    const [ra, rb] = await Promise.all([a.run('toy-hessian', { w1: 1, w2: 1 }, 1), b.run('toy-hessian', {}, 1)]);
    expect(ra.result.eigenvalues[1]).toBeCloseTo(4, 5);
    expect(rb.result.eigenvalues).toEqual([-2, 2]);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.url.pathname).toMatch(/src\/lib\/runtime\/worker\.ts$/);
    expect(FakeWorker.made[0]!.options).toEqual({ type: 'module', name: 'saddle-experiments' });
  });

  it('rejects the runs of a dying worker (phase run), terminates it, and the next run starts a fresh one', async () => {
    const ch = widgetChannel('dies');
    const first = FakeWorker.made.at(-1)!;
    const run = ch.run('goe-definite', { maxN: 30, samples: 100_000 }, 1, { onProgress: () => hook().fail('crashed') });
    await expect(run).rejects.toBeInstanceOf(WorkerLostError);
    await expect(run).rejects.toMatchObject({ phase: 'run' });
    expect(first.terminated).toBe(true);
    const again = await ch.run('toy-hessian', {}, 1);
    expect(again.result.eigenvalues).toEqual([-2, 2]);
    expect(FakeWorker.made.at(-1)).not.toBe(first);
    expect(FakeWorker.made.at(-1)!.terminated).toBe(false);
  });

  it('rejects every pending call of a worker that fails to load (phase start), and Retry gets a working one', async () => {
    hook().fail('make the next call start a worker');
    FakeWorker.plan = ['broken'];
    const count = FakeWorker.made.length;
    const a = widgetChannel('a');
    const b = widgetChannel('b');
    const calls = [a.run('toy-hessian', {}, 1), b.run('goe-definite', {}, 1), a.backend()];
    for (const call of calls) await expect(call).rejects.toMatchObject({ name: 'WorkerLostError', phase: 'start' });
    expect(FakeWorker.made).toHaveLength(count + 1);
    expect(FakeWorker.made.at(-1)!.terminated).toBe(true);
    // What the widget's Retry does: run again.
    const retried = await a.run('toy-hessian', { w1: 1, w2: 1 }, 1);
    expect(retried.result.eigenvalues[1]).toBeCloseTo(4, 5);
    expect(FakeWorker.made).toHaveLength(count + 2);
  });

  it('settles a run superseded while the worker is still starting, and a cancelled one, at once', async () => {
    hook().fail('start afresh');
    const ch = widgetChannel('quick');
    const first = ch.run('toy-hessian', { w1: 3 }, 1);
    const second = ch.run('toy-hessian', { w1: 2, w2: 2 }, 1);
    await expect(first).rejects.toBeInstanceOf(AbortError);
    expect((await second).result.theta).toEqual([2, 2]);
    const third = ch.run('goe-definite', { maxN: 30, samples: 100_000 }, 1);
    ch.cancel();
    await expect(third).rejects.toBeInstanceOf(AbortError);
  });
});
