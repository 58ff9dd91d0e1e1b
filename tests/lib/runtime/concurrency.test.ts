// Two widgets' channels in one worker, both running experiments that hold tensors across their yields, overlapping.
import { describe, expect, it } from 'vitest';
import type { MlpTrainStepResult } from '../../../src/lib/experiments/mlp-live.ts';
import { connect } from './connect.ts';

describe('overlapping runs on two channels', { timeout: 120_000 }, () => {
  it('both succeed (no false "left N tensor(s) behind"), interleave, and the worker is back at its baseline once idle', async () => {
    const { client, close } = connect();
    const baseline = await client.memory();
    expect(baseline.idle).toBe(true);
    const events: string[] = [];

    // Channel "train": HessianSpectrum's live training, chunk after chunk, each holding θ and Adam's moments as tensors.
    const train = (async () => {
      let state: MlpTrainStepResult | undefined;
      for (let chunk = 0; chunk < 4; chunk++) {
        const { result } = await client.run(
          'mlp-train-step',
          { steps: 200, ...(state ? { theta: state.theta, optimizerState: state.optimizerState } : {}) },
          3,
          { channel: 'train', onProgress: () => events.push('train') },
        );
        state = result as MlpTrainStepResult;
      }
      return state!;
    })();
    // Channel "probe": the spectrum at θ₀ (its objective's data tensors live across the Hessian's yields), then a
    // ReLU regression whose batched descent holds its parameters as tensors, then a GOE batch.
    const probe = (async () => {
      const spectrum = await client.run('mlp-probe-spectrum', { hidden: [16, 16] }, 3, {
        channel: 'probe',
        onProgress: () => events.push('probe'),
      });
      const relu = await client.run('relu-regression-minima', { probes: 500, starts: 64, steps: 1500 }, 4, {
        channel: 'probe',
        onProgress: () => events.push('probe'),
      });
      const goe = await client.run('goe-definite', { maxN: 14, samples: 4000 }, 5, {
        channel: 'probe',
        onProgress: () => events.push('probe'),
      });
      return { spectrum, relu, goe };
    })();

    const [trained, probed] = await Promise.all([train, probe]);
    expect(trained.step).toBe(800);
    expect(trained.diverged).toBeNull();
    // 1 → 16 → 16 → 1 with biases: (16 + 16) + (256 + 16) + (16 + 1).
    expect((probed.spectrum.result as { parameters: number }).parameters).toBe(321);
    expect((probed.goe.result as { rows: unknown[] }).rows).toHaveLength(14);
    // They really overlapped: progress of one channel arrived between progress of the other, both ways.
    const firstTrain = events.indexOf('train'),
      lastTrain = events.lastIndexOf('train');
    expect(events.slice(firstTrain, lastTrain).includes('probe')).toBe(true);
    const firstProbe = events.indexOf('probe'),
      lastProbe = events.lastIndexOf('probe');
    expect(events.slice(firstProbe, lastProbe).includes('train')).toBe(true);
    await expect.poll(() => client.memory()).toMatchObject({ idle: true, numTensors: baseline.numTensors });
    close();
  });
});
