// Build-time first paint of <HessianSpectrum>: the same two experiments the worker runs, through precompute (validated,
// leak-checked, memoised across locales): train the configured steps, then take the spectrum there.
import { precompute } from '../../../lib/experiments/precompute.ts';
import { netConfig, trainConfig, type RunSettings } from './model.ts';
import type { SpectrumSnapshot } from './view.ts';

export async function firstPaint(settings: RunSettings, steps: number, gradTol: number): Promise<SpectrumSnapshot> {
  const { parameters: _p, ...run } = await precompute('mlp-train-step', trainConfig(settings, steps, null), settings.seed);
  const sp = await precompute('mlp-probe-spectrum', { ...netConfig(settings), theta: run.theta, gradTol }, settings.seed);
  return { settings, run, spectrum: { ...sp, step: run.step } };
}
