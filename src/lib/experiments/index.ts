// The experiment registry: every experiment by id, typed, and the one way to run one (validated, leak-checked).
import type { z } from 'zod';
import { parseConfig } from '../config/parse.ts';
import { createRng } from '../random/rng.ts';
import type { Experiment, ExperimentContext, Progress } from './types.ts';
import { toyHessian } from './toy-hessian.ts';
import { reluRegressionMinima } from './relu-regression-minima.ts';
import { mlpSpectrum } from './mlp-spectrum.ts';
import { mlpProbeSpectrum, mlpTrainStep } from './mlp-live.ts';
import { goeDefinite } from './goe-definite.ts';
import { reluProbe } from './relu-probe.ts';
import { teacherStudent } from './teacher-student.ts';
import { xorJellyfish } from './xor-jellyfish.ts';
import { deepLinear } from './deep-linear.ts';
import { minimumRatio } from './minimum-ratio.ts';
import { tf } from '../autodiff/tf.ts';

/** Every experiment under its id: `run('mlp-train-step', config, seed)` infers the config and result types. */
export const experiments = {
  'toy-hessian': toyHessian,
  'relu-regression-minima': reluRegressionMinima,
  'mlp-spectrum': mlpSpectrum,
  'goe-definite': goeDefinite,
  'mlp-train-step': mlpTrainStep,
  'mlp-probe-spectrum': mlpProbeSpectrum,
  'relu-probe': reluProbe,
  'teacher-student': teacherStudent,
  'xor-jellyfish': xorJellyfish,
  'deep-linear': deepLinear,
  'minimum-ratio': minimumRatio,
} as const;

export type ExperimentId = keyof typeof experiments;
/** What a caller may pass as the config of `K` (fields with defaults may be left out). */
export type ConfigOf<K extends ExperimentId> = z.input<(typeof experiments)[K]['configSchema']>;
/** What `K` returns: plain JSON. */
export type ResultOf<K extends ExperimentId> = Awaited<ReturnType<(typeof experiments)[K]['run']>>;

export const isExperimentId = (id: string): id is ExperimentId => Object.hasOwn(experiments, id);

export function getExperiment(id: string): Experiment {
  if (!isExperimentId(id)) throw new Error(`unknown experiment "${id}"; known: ${Object.keys(experiments).join(', ')}`);
  return experiments[id] as unknown as Experiment;
}

export interface RunRequest {
  id: string;
  config?: unknown;
  seed: number;
}

export interface RunContext {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

/**
 * Runs in flight in this process. tfjs counts tensors globally, so a run can only be checked for leaks by the
 * count before and after it when no other run overlapped it; overlapping runs (two widgets' channels in one
 * worker) are checked together once the worker is idle (the runtime tests do that).
 */
const inFlight = new Set<{ overlapped: boolean }>();

/** Whether no experiment is running in this process (then `tf.memory().numTensors` must be back at its baseline). */
export const idle = () => inFlight.size === 0;

/**
 * Validates the config (errors name each bad field), runs the experiment with a generator seeded by `seed`, and,
 * when the run had tfjs to itself, checks that no tensor outlived it. Takes untrusted input (worker, command line).
 */
export async function runExperiment(req: RunRequest, ctx: RunContext = {}): Promise<unknown> {
  const experiment = getExperiment(req.id);
  const config = parseConfig(experiment.configSchema, req.config ?? {}, `config for experiment "${req.id}"`);
  const token = { overlapped: inFlight.size > 0 };
  for (const other of inFlight) other.overlapped = true;
  inFlight.add(token);
  const before = tf.memory().numTensors;
  let result: unknown;
  try {
    result = await experiment.run(config, { rng: createRng(req.seed), ...ctx } satisfies ExperimentContext);
  } finally {
    inFlight.delete(token);
  }
  const leaked = tf.memory().numTensors - before;
  if (!token.overlapped && leaked !== 0) throw new Error(`experiment "${req.id}" left ${leaked} tensor(s) behind`);
  return result;
}

/** `runExperiment` with the types of `id`'s config and result. */
export function run<K extends ExperimentId>(id: K, config: ConfigOf<K>, seed: number, ctx: RunContext = {}): Promise<ResultOf<K>> {
  return runExperiment({ id, config, seed }, ctx) as Promise<ResultOf<K>>;
}
