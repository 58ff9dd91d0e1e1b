// The HessianSpectrum's settings: data set presets, limits, parameter count, URL form and the experiment configs.
// No tfjs here: the page imports it before the worker starts.
import { MAX_LIVE_PARAMETERS } from '../../../lib/experiments/mlp-live-limits.ts';

/** The data sets the widget offers, with the parameters it trains on (N samples, input → output). */
export const SPECTRUM_DATASETS = {
  sinc: { id: 'sinc', params: { n: 40 }, inputDim: 1, outputDim: 1 },
  xor: { id: 'xor', params: { centered: true }, inputDim: 2, outputDim: 1 },
  jellyfish: { id: 'jellyfish', params: {}, inputDim: 2, outputDim: 1 },
  teacher: { id: 'teacher-relu', params: { n: 200, inputDim: 4, hiddenUnits: 2 }, inputDim: 4, outputDim: 1 },
} as const;
export type SpectrumDatasetKey = keyof typeof SPECTRUM_DATASETS;
export const SPECTRUM_DATASET_KEYS = ['sinc', 'xor', 'jellyfish', 'teacher'] as const satisfies readonly SpectrumDatasetKey[];

export const SPECTRUM_ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'softplus', 'linear'] as const;
export type SpectrumActivation = (typeof SPECTRUM_ACTIVATIONS)[number];
export const SPECTRUM_OPTIMIZERS = ['adam', 'momentum', 'gd'] as const;
export type SpectrumOptimizer = (typeof SPECTRUM_OPTIMIZERS)[number];

export const MAX_WIDTH = 64;
export const MAX_HIDDEN_LAYERS = 3;
/** Learning-rate range the fields accept (large enough to diverge on purpose). */
export const LR_LIMITS: [number, number] = [1e-5, 50];
export const SEED_LIMITS: [number, number] = [0, 1_000_000];
/** A run stops here; the URL can ask for at most this many steps. */
export const MAX_TOTAL_STEPS = 20_000;
export { MAX_LIVE_PARAMETERS };

export interface SpectrumSettings {
  dataset: SpectrumDatasetKey;
  hidden: number[];
  activation: SpectrumActivation;
  optimizer: SpectrumOptimizer;
  lr: number;
  seed: number;
}

/** P = Σ_l (w_l + 1)·w_{l+1} for widths [input, hidden…, output] with biases (the layout of models/mlp.ts). */
export function parameterCount(dataset: SpectrumDatasetKey, hidden: readonly number[]): number {
  const d = SPECTRUM_DATASETS[dataset];
  const widths = [d.inputDim, ...hidden, d.outputDim];
  return widths.slice(1).reduce((sum, out, l) => sum + (widths[l]! + 1) * out, 0);
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
  if (parts.length === 0) return [];
  const values = parts.map(Number);
  return values.every((v) => Number.isFinite(v)) ? values : null;
}

/** Widths rounded and clamped to 1…MAX_WIDTH, at most MAX_HIDDEN_LAYERS of them. */
export function clampHidden(hidden: readonly number[]): number[] {
  return hidden.slice(0, MAX_HIDDEN_LAYERS).map((w) => Math.min(MAX_WIDTH, Math.max(1, Math.round(w))));
}

export const hiddenText = (hidden: readonly number[]) => hidden.join(', ');

/** The settings as URL values (`hidden` as "10-10"). */
export function settingsToUrl(s: SpectrumSettings): Record<string, string | number> {
  return {
    dataset: s.dataset,
    hidden: s.hidden.join('-'),
    act: s.activation,
    opt: s.optimizer,
    lr: Number(s.lr.toPrecision(6)),
    seed: s.seed,
  };
}

/** Settings from URL values, each one checked and clamped; whatever is missing or invalid keeps its default. */
export function settingsFromUrl(url: Record<string, string>, defaults: SpectrumSettings): SpectrumSettings {
  const s = { ...defaults, hidden: [...defaults.hidden] };
  if (url.dataset && (SPECTRUM_DATASET_KEYS as readonly string[]).includes(url.dataset)) s.dataset = url.dataset as SpectrumDatasetKey;
  if (url.act && (SPECTRUM_ACTIVATIONS as readonly string[]).includes(url.act)) s.activation = url.act as SpectrumActivation;
  if (url.opt && (SPECTRUM_OPTIMIZERS as readonly string[]).includes(url.opt)) s.optimizer = url.opt as SpectrumOptimizer;
  const lr = Number(url.lr);
  if (url.lr !== undefined && Number.isFinite(lr)) s.lr = Math.min(LR_LIMITS[1], Math.max(LR_LIMITS[0], lr));
  const seed = Number(url.seed);
  if (url.seed !== undefined && Number.isFinite(seed)) s.seed = Math.min(SEED_LIMITS[1], Math.max(SEED_LIMITS[0], Math.round(seed)));
  const hidden = url.hidden === undefined ? null : parseHidden(url.hidden);
  if (hidden && hidden.length > 0) {
    const h = clampHidden(hidden);
    if (parameterCount(s.dataset, h) <= MAX_LIVE_PARAMETERS) s.hidden = h;
  }
  if (parameterCount(s.dataset, s.hidden) > MAX_LIVE_PARAMETERS) s.hidden = [...defaults.hidden];
  return s;
}

export const sameSettings = (a: SpectrumSettings, b: SpectrumSettings) =>
  a.dataset === b.dataset &&
  a.activation === b.activation &&
  a.optimizer === b.optimizer &&
  a.lr === b.lr &&
  a.seed === b.seed &&
  a.hidden.join() === b.hidden.join();

/** The network part of both experiments' configs. */
export function netConfig(s: SpectrumSettings) {
  const d = SPECTRUM_DATASETS[s.dataset];
  return { dataset: { id: d.id, params: { ...d.params } }, hidden: [...s.hidden], activation: s.activation, loss: 'mse' as const };
}

export const optimizerConfig = (s: SpectrumSettings) => ({ kind: s.optimizer, lr: s.lr });
