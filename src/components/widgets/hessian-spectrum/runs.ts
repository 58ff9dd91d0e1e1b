// HessianSpectrum's two worker requests: a training chunk (from θ₀ or from the run so far) and the spectrum probe at a
// θ. Each returns plain state for the element to adopt; superseded or cancelled requests reject with AbortError.
import type { MlpProbeSpectrumResult, MlpTrainStepResult } from '../../../lib/experiments/mlp-live.ts';
import type { WidgetChannel } from '../shared/worker-client.ts';
import { netConfig, trainConfig, type RunSettings } from './model.ts';
import type { RunState, SpectrumAt } from './view.ts';

/** `steps` more steps from `run` (from θ₀ when it has no θ yet): the run continued, its loss curve extended. */
export async function trainChunk(
  channel: WidgetChannel,
  settings: RunSettings,
  steps: number,
  run: RunState,
): Promise<{ run: RunState; ms: number }> {
  const fresh = run.theta.length === 0;
  const out = await channel.run('mlp-train-step', trainConfig(settings, steps, fresh ? null : run), settings.seed);
  const { parameters: _p, ...r } = out.result as MlpTrainStepResult;
  return { run: { ...r, history: fresh ? r.history : [...run.history, ...r.history] }, ms: out.ms };
}

/** The full spectrum, gradient norm and verdict at the run's θ, marked with the step it was taken at. */
export async function probeSpectrum(
  channel: WidgetChannel,
  settings: RunSettings,
  run: RunState,
  gradTol: number,
): Promise<{ spectrum: SpectrumAt; ms: number }> {
  const out = await channel.run('mlp-probe-spectrum', { ...netConfig(settings), theta: run.theta, gradTol }, settings.seed);
  return { spectrum: { ...(out.result as MlpProbeSpectrumResult), step: run.step }, ms: out.ms };
}
