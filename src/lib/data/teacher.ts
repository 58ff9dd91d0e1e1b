// Teacher–student data: seeded Gaussian inputs x ~ N(0, I_d) labelled by a teacher network, including the
// two-layer ReLU teacher y = Σ_j ReLU(w_jᵀx) of Safran & Shamir (2018).
//
// Safran & Shamir, "Spurious Local Minima are Common in Two-Layer ReLU Neural Networks" (ICML 2018,
// arXiv:1712.08968) study x ↦ Σ_{i=1}^k max{0, w_iᵀx} with squared loss, x standard Gaussian and targets
// produced by a network of the same form whose parameter vectors v_1…v_k are orthonormal; the output
// weights are all fixed to 1. Because N(0, I_d) is rotation invariant, any orthonormal teacher is equivalent
// to v_i = e_i (the "identity" choice below); "random" draws a uniformly random orthonormal frame instead.
import { createRng, type Rng } from '../random/rng.ts';
import { validateDataset, type Dataset } from './dataset.ts';

/**
 * A teacher network, applied to a batch.
 * @param x N×d inputs, row-major
 * @param n N
 * @returns N×k outputs, row-major (k ≥ 1 is read off the length)
 */
export type Teacher = (x: Float32Array, n: number) => Float32Array;

export interface TeacherDataParams {
  /** Number of samples N ≥ 1. */
  n: number;
  /** Input dimension d ≥ 1. */
  inputDim: number;
  /** Standard deviation σ ≥ 0 of Gaussian noise added to each teacher output (0: realisable, noiseless). */
  noise?: number;
  id?: string;
  source?: string;
}

/**
 * Draws N×d standard normal inputs from rng (row by row), labels them with the teacher, then adds noise.
 * @returns n samples, inputDim = d, outputDim = teacher output length / N, task "regression"
 */
export function makeTeacherDataset(params: TeacherDataParams, teacher: Teacher, rng: Rng): Dataset {
  const { n, inputDim: d, noise = 0 } = params;
  if (!Number.isInteger(n) || n < 1) throw new Error(`makeTeacherDataset: n must be a whole number ≥ 1, got ${n}`);
  if (!Number.isInteger(d) || d < 1) throw new Error(`makeTeacherDataset: inputDim must be a whole number ≥ 1, got ${d}`);
  if (!(noise >= 0) || !Number.isFinite(noise)) throw new Error(`makeTeacherDataset: noise must be a finite number ≥ 0, got ${noise}`);
  const inputs = new Float32Array(n * d);
  for (let i = 0; i < inputs.length; i++) inputs[i] = rng.normal();
  const out = teacher(inputs, n);
  const k = out.length / n;
  if (!Number.isInteger(k) || k < 1)
    throw new Error(`makeTeacherDataset: the teacher returned ${out.length} values for ${n} samples; expected a multiple of ${n}`);
  const targets = Float32Array.from(out);
  if (noise > 0) for (let i = 0; i < targets.length; i++) targets[i] = targets[i]! + noise * rng.normal();
  return validateDataset({
    id: params.id ?? 'teacher',
    inputs,
    targets,
    n,
    inputDim: d,
    outputDim: k,
    task: 'regression',
    source: params.source ?? `Synthetic: x ~ N(0, I_${d}) (seed ${rng.seed}) labelled by a teacher network, noise σ = ${noise}.`,
  });
}

/**
 * The teacher y = Σ_{j=1}^k ReLU(w_jᵀx), one output, all output weights 1.
 * @param W k×d weight matrix, row-major (row j is w_j)
 */
export function reluSumTeacher(W: Float64Array | Float32Array, k: number, d: number): Teacher {
  if (W.length !== k * d) throw new Error(`reluSumTeacher: W has length ${W.length}, expected k×d = ${k * d}`);
  return (x, n) => {
    if (x.length !== n * d) throw new Error(`reluSumTeacher: x has length ${x.length}, expected N×d = ${n * d}`);
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < k; j++) {
        let z = 0;
        for (let l = 0; l < d; l++) z += W[j * d + l]! * x[i * d + l]!;
        if (z > 0) sum += z;
      }
      y[i] = sum;
    }
    return y;
  };
}

/**
 * k orthonormal rows in R^d (k ≤ d).
 * Without rng: e_1, …, e_k. With rng: Gram–Schmidt on Gaussian rows (done twice, which keeps the rows
 * orthogonal to float64 precision), a uniformly random orthonormal k-frame.
 * @returns k×d Float64Array, row-major
 */
export function orthonormalRows(k: number, d: number, rng?: Rng): Float64Array {
  if (!Number.isInteger(k) || !Number.isInteger(d) || k < 1 || k > d)
    throw new Error(`orthonormalRows: need whole numbers 1 ≤ k ≤ d, got k = ${k}, d = ${d}`);
  const W = new Float64Array(k * d);
  if (!rng) {
    for (let j = 0; j < k; j++) W[j * d + j] = 1;
    return W;
  }
  for (let j = 0; j < k; j++) {
    const row = W.subarray(j * d, (j + 1) * d);
    for (;;) {
      for (let l = 0; l < d; l++) row[l] = rng.normal();
      for (let pass = 0; pass < 2; pass++) {
        for (let p = 0; p < j; p++) {
          const prev = W.subarray(p * d, (p + 1) * d);
          let dot = 0;
          for (let l = 0; l < d; l++) dot += row[l]! * prev[l]!;
          for (let l = 0; l < d; l++) row[l] = row[l]! - dot * prev[l]!;
        }
      }
      const norm = Math.hypot(...row);
      // A Gaussian row falls (numerically) into the span of the others with probability ~0; redraw if it does.
      if (norm > 1e-8) {
        for (let l = 0; l < d; l++) row[l] = row[l]! / norm;
        break;
      }
    }
  }
  return W;
}

export interface ReluTeacherParams {
  n: number;
  /** Input dimension d. */
  inputDim: number;
  /** Hidden units k of the teacher, 1 ≤ k ≤ d. */
  hiddenUnits: number;
  /** "identity": w_j = e_j; "random": a random orthonormal frame drawn from the seed. */
  weights: 'identity' | 'random';
  noise: number;
  /** Seed used when no generator is passed in. */
  seed: number;
}

export interface ReluTeacherDataset extends Dataset {
  /** The teacher's k×d weights W (orthonormal rows), row-major. */
  teacherWeights: Float64Array;
  hiddenUnits: number;
}

/**
 * Safran & Shamir's realisable setting: x ~ N(0, I_d), y = Σ_{j=1}^k ReLU(w_jᵀx) with orthonormal w_j.
 * The weights come from rng.fork() (taken first, whichever choice), so for a seed the inputs are the same
 * for both weight choices.
 */
export function makeReluTeacher(params: ReluTeacherParams, rng: Rng = createRng(params.seed)): ReluTeacherDataset {
  const { n, inputDim: d, hiddenUnits: k, noise } = params;
  const weightRng = rng.fork();
  const W = orthonormalRows(k, d, params.weights === 'random' ? weightRng : undefined);
  const ds = makeTeacherDataset(
    {
      n,
      inputDim: d,
      noise,
      id: 'teacher-relu',
      source:
        'Safran & Shamir, "Spurious Local Minima are Common in Two-Layer ReLU Neural Networks", ICML 2018 (arXiv:1712.08968): ' +
        `x ~ N(0, I_${d}), y = Σ_{j=1}^${k} max(0, w_jᵀx), ${params.weights === 'identity' ? 'w_j = e_j' : 'random orthonormal w_j'}, ` +
        `output weights 1; noise σ = ${noise}, seed ${rng.seed}.`,
    },
    reluSumTeacher(W, k, d),
    rng,
  );
  return { ...ds, teacherWeights: W, hiddenUnits: k };
}
