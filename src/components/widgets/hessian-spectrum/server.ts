// Build-time first paint of <HessianSpectrum>: train the default settings with the same experiments the worker runs, then take the spectrum.
import { runExperiment } from '../../../lib/experiments/index.ts';
import type { MlpProbeSpectrumResult, MlpTrainStepResult } from '../../../lib/experiments/mlp-live.ts';
import { netConfig, optimizerConfig, type SpectrumSettings } from './model.ts';
import type { SpectrumSnapshot } from './view.ts';

/** Losses are recorded every this many steps (the page records the same). */
export const RECORD_EVERY = 2;

const cache = new Map<string, Promise<SpectrumSnapshot>>();

/** The same snapshot for every locale's page: computed once per distinct setting. */
export function firstPaint(settings: SpectrumSettings, steps: number, gradTol: number): Promise<SpectrumSnapshot> {
  const key = JSON.stringify([settings, steps, gradTol]);
  let out = cache.get(key);
  if (!out) {
    out = (async () => {
      const net = netConfig(settings);
      const r = (await runExperiment({
        id: 'mlp-train-step',
        config: { ...net, optimizer: optimizerConfig(settings), steps, recordEvery: RECORD_EVERY },
        seed: settings.seed,
      })) as MlpTrainStepResult;
      const sp = (await runExperiment({
        id: 'mlp-probe-spectrum',
        config: { ...net, theta: r.theta, gradTol },
        seed: settings.seed,
      })) as MlpProbeSpectrumResult;
      return {
        settings,
        run: {
          step: r.step,
          theta: r.theta,
          optimizerState: r.optimizerState,
          history: r.history,
          loss: r.loss,
          gradNorm: r.gradNorm,
          diverged: r.diverged,
        },
        spectrum: { ...sp, step: r.step },
      };
    })();
    cache.set(key, out);
  }
  return out;
}
