// The experiment registry: every experiment by id, and the one way to run one from untrusted input.
import { parseConfig } from '../config/parse.ts';
import { createRng } from '../random/rng.ts';
import type { Experiment, ExperimentContext, Progress } from './types.ts';
import { toyHessian } from './toy-hessian.ts';
import { reluRegressionMinima } from './relu-regression-minima.ts';
import { mlpSpectrum } from './mlp-spectrum.ts';
import { mlpProbeSpectrum, mlpTrainStep } from './mlp-live.ts';
import { goeDefinite } from './goe-definite.ts';
import { reluProbe } from './relu-probe.ts';
import { tf } from '../autodiff/tf.ts';

export const experiments: Record<string, Experiment> = Object.fromEntries(
  ([toyHessian, reluRegressionMinima, mlpSpectrum, goeDefinite, mlpTrainStep, mlpProbeSpectrum, reluProbe] as Experiment[]).map((e) => [e.id, e]),
);

export function getExperiment(id: string): Experiment {
  const e = experiments[id];
  if (!e) throw new Error(`unknown experiment "${id}"; known: ${Object.keys(experiments).join(', ')}`);
  return e;
}

export interface RunRequest {
  id: string;
  config?: unknown;
  seed: number;
}

/**
 * Validates the config (errors name each bad field), runs the experiment with a generator seeded by
 * `seed`, and checks that no tensor outlived it.
 */
export async function runExperiment(req: RunRequest, ctx: { onProgress?: (p: Progress) => void; signal?: AbortSignal } = {}): Promise<unknown> {
  const experiment = getExperiment(req.id);
  const config = parseConfig(experiment.configSchema, req.config ?? {}, `config for experiment "${req.id}"`);
  const before = tf.memory().numTensors;
  const result = await experiment.run(config, { rng: createRng(req.seed), ...ctx } satisfies ExperimentContext);
  const leaked = tf.memory().numTensors - before;
  if (leaked !== 0) throw new Error(`experiment "${req.id}" left ${leaked} tensor(s) behind`);
  return result;
}
