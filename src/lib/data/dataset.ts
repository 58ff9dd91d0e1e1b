// The shape every data set takes (flat row-major Float32 arrays), a validator for it, and one-hot encoding.
//
// Data sets are plain serialisable objects so the same value can cross a worker boundary, be snapshotted in a
// test, or be turned into a tensor by the models module; nothing here knows about tfjs.

export type Task = 'regression' | 'classification';

export interface Dataset {
  /** Registry id or file name, e.g. "jellyfish", "digits-8x8". */
  id: string;
  /** N×d inputs, row-major: sample i is inputs[i*d … i*d + d − 1]. */
  inputs: Float32Array;
  /** N×k targets, row-major: regression values, or 0/1 (k = 1) or one-hot (k = number of classes) targets. */
  targets: Float32Array;
  /** Number of samples N. */
  n: number;
  /** Input dimension d. */
  inputDim: number;
  /** Target dimension k. */
  outputDim: number;
  task: Task;
  /** Length N, class index of each sample; present for every classification set. */
  labels?: Int32Array;
  /** Citation or provenance: where the points come from. */
  source: string;
}

/** Number of classes a classification set encodes: k for one-hot targets, 2 for a single 0/1 target. */
export function classCount(ds: Pick<Dataset, 'outputDim'>): number {
  return ds.outputDim === 1 ? 2 : ds.outputDim;
}

/**
 * Checks the invariants the rest of the code relies on and returns the data set unchanged;
 * throws an Error naming the first broken one.
 */
export function validateDataset(ds: Dataset): Dataset {
  const where = `dataset "${ds.id}"`;
  const fail = (msg: string): never => {
    throw new Error(`${where}: ${msg}`);
  };
  if (typeof ds.id !== 'string' || ds.id.length === 0) fail('id must be a non-empty string');
  if (!Number.isInteger(ds.n) || ds.n < 0) fail(`n must be a whole number ≥ 0, got ${ds.n}`);
  if (!Number.isInteger(ds.inputDim) || ds.inputDim < 1) fail(`inputDim must be a whole number ≥ 1, got ${ds.inputDim}`);
  if (!Number.isInteger(ds.outputDim) || ds.outputDim < 1) fail(`outputDim must be a whole number ≥ 1, got ${ds.outputDim}`);
  if (!(ds.inputs instanceof Float32Array)) fail('inputs must be a Float32Array');
  if (!(ds.targets instanceof Float32Array)) fail('targets must be a Float32Array');
  if (ds.inputs.length !== ds.n * ds.inputDim) fail(`inputs has length ${ds.inputs.length}, expected n×inputDim = ${ds.n * ds.inputDim}`);
  if (ds.targets.length !== ds.n * ds.outputDim)
    fail(`targets has length ${ds.targets.length}, expected n×outputDim = ${ds.n * ds.outputDim}`);
  const bad = (a: Float32Array) => a.findIndex((v) => !Number.isFinite(v));
  if (bad(ds.inputs) >= 0) fail(`inputs[${bad(ds.inputs)}] is not finite`);
  if (bad(ds.targets) >= 0) fail(`targets[${bad(ds.targets)}] is not finite`);
  if (ds.task !== 'regression' && ds.task !== 'classification')
    fail(`task must be "regression" or "classification", got ${String(ds.task)}`);
  if (typeof ds.source !== 'string' || ds.source.trim().length === 0) fail('source must say where the data come from');
  if (ds.task === 'classification' && !ds.labels) fail('a classification set needs labels');
  if (ds.labels) {
    if (!(ds.labels instanceof Int32Array)) fail('labels must be an Int32Array');
    if (ds.labels.length !== ds.n) fail(`labels has length ${ds.labels.length}, expected n = ${ds.n}`);
    const k = classCount(ds);
    const i = ds.labels.findIndex((c) => c < 0 || c >= k);
    if (i >= 0) fail(`labels[${i}] = ${ds.labels[i]} is outside 0…${k - 1}`);
  }
  return ds;
}

/**
 * One-hot encoding of class labels.
 * @param labels length N, values in 0…k−1
 * @returns N×k Float32Array, row i has a 1 in column labels[i]
 */
export function oneHot(labels: Int32Array, k: number): Float32Array {
  const out = new Float32Array(labels.length * k);
  labels.forEach((c, i) => {
    if (!(c >= 0 && c < k)) throw new Error(`oneHot: label ${c} at ${i} is outside 0…${k - 1}`);
    out[i * k + c] = 1;
  });
  return out;
}
