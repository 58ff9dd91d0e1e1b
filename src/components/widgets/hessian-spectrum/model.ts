// HessianSpectrum's page-side logic: the data-set presets, hidden widths (parsed, clamped, in the URL), the parameter
// count, the experiments' configs and the loss spikes worth a note. No tfjs or zod: the page imports it.
import { MAX_LIVE_PARAMETERS } from '../../../lib/experiments/mlp-live-limits.ts';
import type { MlpTrainStepResult } from '../../../lib/experiments/mlp-live.ts';
import { mlpParamCount } from '../../../lib/models/mlp-size.ts';
import type { StateOf } from '../shared/fields.ts';
import type { fields, DATASET_KEYS } from './fields.ts';

export { MAX_LIVE_PARAMETERS };

export type SpectrumDatasetKey = (typeof DATASET_KEYS)[number];
export type SpectrumState = StateOf<typeof fields>;

/** The data sets the widget offers, as the experiments build them (their sizes are read from src/lib: dims.ts). */
export const SPECTRUM_DATASETS = {
  sinc: { id: 'sinc', params: { n: 40 } },
  xor: { id: 'xor', params: { centered: true } },
  jellyfish: { id: 'jellyfish', params: {} },
  teacher: { id: 'teacher-relu', params: { n: 200, inputDim: 4, hiddenUnits: 2 } },
} as const satisfies Record<SpectrumDatasetKey, { id: string; params: object }>;

/** Input and output dimension of every data set, computed at build time from the data sets themselves. */
export type DatasetDims = Record<SpectrumDatasetKey, { inputDim: number; outputDim: number }>;

/** Losses are recorded every this many steps, at build time and on the page alike. */
export const RECORD_EVERY = 2;
/** The widest hidden layer and the most hidden layers the live experiments accept (mlp-live.ts). */
export const MAX_WIDTH = 64;
export const MAX_HIDDEN_LAYERS = 3;

/** What defines a run: the fields that restart training when changed, and the hidden widths. */
export type RunSettings = Pick<SpectrumState, 'dataset' | 'activation' | 'optimizer' | 'lr' | 'seed'> & { hidden: number[] };

export const runSettings = (state: SpectrumState, hidden: readonly number[]): RunSettings => ({
  dataset: state.dataset,
  activation: state.activation,
  optimizer: state.optimizer,
  lr: state.lr,
  seed: state.seed,
  hidden: [...hidden],
});

export const sameSettings = (a: RunSettings, b: RunSettings) =>
  a.dataset === b.dataset &&
  a.activation === b.activation &&
  a.optimizer === b.optimizer &&
  a.lr === b.lr &&
  a.seed === b.seed &&
  a.hidden.join() === b.hidden.join();

/** P of the network [input, hidden…, output] with biases on `dataset`, counted by src/lib (models/mlp-size.ts). */
export function parameterCount(dims: DatasetDims, dataset: SpectrumDatasetKey, hidden: readonly number[]): number {
  const d = dims[dataset];
  return mlpParamCount({ widths: [d.inputDim, ...hidden, d.outputDim], bias: true });
}

/**
 * Hidden widths from text such as "10, 10" or "10-10"; null when it is not a list of numbers. A minus right after a
 * digit separates ("10-10", the URL form); one at the start or after a separator is a sign ("-3", "5, -3"), so a
 * negative width is seen (and clamped with a message) rather than silently read as positive.
 */
export function parseHidden(text: string): number[] | null {
  const parts = text
    .replace(/(^|[\s,;x×])[-−](?=[\d.])/g, '$1~')
    .split(/[\s,;x×-]+/)
    .filter(Boolean)
    .map((p) => p.replace('~', '-'));
  if (parts.length === 0) return null;
  const values = parts.map(Number);
  return values.every((v) => Number.isFinite(v)) ? values : null;
}

/** Widths rounded and clamped to 1…MAX_WIDTH, at most MAX_HIDDEN_LAYERS of them. */
export function clampHidden(hidden: readonly number[]): number[] {
  return hidden.slice(0, MAX_HIDDEN_LAYERS).map((w) => Math.min(MAX_WIDTH, Math.max(1, Math.round(w))));
}

/** As the field shows them ("10, 10") and as the URL carries them ("10-10"). */
export const hiddenText = (hidden: readonly number[]) => hidden.join(', ');
export const hiddenUrl = (hidden: readonly number[]) => hidden.join('-');

/** What typed or linked widths become: used as clamped, or refused (not numbers; too many parameters). */
export type HiddenRead =
  | { ok: true; hidden: number[]; clamped: boolean }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'too-large'; typed: number[]; hidden: number[]; count: number };

export function readHidden(text: string, dims: DatasetDims, dataset: SpectrumDatasetKey): HiddenRead {
  const parsed = parseHidden(text);
  if (!parsed) return { ok: false, reason: 'invalid' };
  const hidden = clampHidden(parsed);
  const clamped = hidden.join() !== parsed.join();
  const count = parameterCount(dims, dataset, hidden);
  if (count > MAX_LIVE_PARAMETERS) return { ok: false, reason: 'too-large', typed: parsed, hidden, count };
  return { ok: true, hidden, clamped };
}

/** The network part of both experiments' configs. */
export function netConfig(s: RunSettings) {
  const d = SPECTRUM_DATASETS[s.dataset];
  return { dataset: { id: d.id, params: { ...d.params } }, hidden: [...s.hidden], activation: s.activation, loss: 'mse' as const };
}

export const optimizerConfig = (s: RunSettings) => ({ kind: s.optimizer, lr: s.lr });

/** The training request of `steps` more steps: from θ₀ of the seed when `from` is null, else from θ and the optimiser's state. */
export function trainConfig(s: RunSettings, steps: number, from: Pick<MlpTrainStepResult, 'theta' | 'optimizerState'> | null) {
  const base = { ...netConfig(s), optimizer: optimizerConfig(s), steps, recordEvery: RECORD_EVERY };
  return from ? { ...base, theta: from.theta, optimizerState: from.optimizerState } : base;
}

/** A loss this many times the lowest loss recorded before it is a spike (a plain decrease never is one). */
export const SPIKE_FACTOR = 2;

/**
 * The jumps of a loss curve: each time the loss rises above SPIKE_FACTOR × the lowest loss before it, the step where it
 * does (one per excursion: the next one counts once the loss is back below that level).
 */
export function lossSpikes(history: readonly { step: number; loss: number }[]): number[] {
  const out: number[] = [];
  let low = Number.POSITIVE_INFINITY;
  let inSpike = false;
  for (const { step, loss } of history) {
    if (!Number.isFinite(loss)) break;
    if (loss > SPIKE_FACTOR * low) {
      if (!inSpike) out.push(step);
      inSpike = true;
    } else inSpike = false;
    low = Math.min(low, loss);
  }
  return out;
}
