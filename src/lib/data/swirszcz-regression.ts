// The 1-D regression sets D1, D2, D3 of Swirszcz, Czarnecki & Pascanu (2016) on which one-hidden-layer ReLU
// networks have bad local minima, with the parameter points the paper names.
//
// Source: "Local minima in training of deep networks", arXiv:1611.06310 (ICLR 2017 submission), §3.1.3
// "Local minima in a rectifier-based regression", Eq. (1), Propositions 1–3 and Figure 4.
//
// Model and loss (Eq. 1, generalised to m hidden units as in Propositions 2–3):
//   f(x) = Σ_j v_j ReLU(w_j x + b_j) + c,      L = Σ_i (f(x_i) − y_i)²   (a plain sum: no ½, no mean).
//
// Reference points, each loss recomputed by hand (the tests recompute them in float64):
//   D1, m = 1:  (w, b, v, c) = (1, −3, 1, 0) is a local minimum that is not global (Prop. 1), L = 18 —
//               it fits (3,0),(4,1),(5,2) exactly and outputs 0 at x = −1 and 1 (errors 3² + 3²). The paper
//               adds (Remark 1) that it lies on a 1-D manifold on which L ≡ 18.
//               The lecture's lower point (−7, −4, 1, 0) gives L = 14 (it fits (−1,3) and (3,0) exactly).
//               That point is the lecture's; the paper's proof (its Appendix B.4) is not in the copy read.
//   D2, m = 2:  perfect fit (global minimum, L = 0) and a suboptimal local minimum (L = 8/3) (Prop. 2).
//               ERRATUM: the copy read prints w = (−5, −1) and w = (−3, −1); with those the second unit is
//               dead on every point, the "perfect fit" has L = 29 and the "local minimum" L = 23/3. With
//               w₂ = +1 both claims hold exactly (the second unit then fits (10,−3),(11,−4),(12,−5) with
//               f = 7 − x), so that sign is used here and the printed value is kept alongside.
//   D3, m = 3:  a better local minimum (L = 1/6) and a worse one (L = 2/3) (Prop. 3): each is the
//               least-squares line on one cluster plus an exact fit (two units) on the other.
// The paper's Zig-Zag regression task (Figure 5) is only drawn, never given in numbers, so it is not here.
import { validateDataset, type Dataset } from './dataset.ts';

/** Parameters of f(x) = Σ_j v_j ReLU(w_j x + b_j) + c with m hidden units (w, b, v have length m). */
export interface ReluNet1D {
  w: readonly number[];
  b: readonly number[];
  v: readonly number[];
  c: number;
}

export interface ReferencePoint {
  what: string;
  params: ReluNet1D;
  /** Sum-of-squares loss L at params, worked out by hand. */
  loss: number;
  /** w exactly as the source prints it, where that differs from params.w (see the erratum above). */
  printedW?: readonly number[];
}

export type SwirszczSetId = 'd1' | 'd2' | 'd3';

export interface SwirszczSet {
  /** (x, y) pairs in the order the paper lists them. */
  points: readonly (readonly [number, number])[];
  /** Hidden units m of the network the paper pairs with the set. */
  hiddenUnits: number;
  where: string;
  reference: readonly ReferencePoint[];
}

const PAPER = 'Swirszcz, Czarnecki & Pascanu, "Local minima in training of deep networks", arXiv:1611.06310 (2016)';

export const SWIRSZCZ_SETS: Readonly<Record<SwirszczSetId, SwirszczSet>> = {
  d1: {
    points: [
      [5, 2],
      [4, 1],
      [3, 0],
      [1, -3],
      [-1, 3],
    ],
    hiddenUnits: 1,
    where: '§3.1.3, data set D1, Eq. (1) and Proposition 1, Figure 4(a)',
    reference: [
      { what: 'local minimum that is not global (Proposition 1)', params: { w: [1], b: [-3], v: [1], c: 0 }, loss: 18 },
      {
        what: 'lower point quoted in the lecture, a global minimum of D1 (loss 14; no lower loss exists, by brute force over (w, b))',
        params: { w: [-7], b: [-4], v: [1], c: 0 },
        loss: 14,
      },
    ],
  },
  d2: {
    points: [
      [-1, 5],
      [0, 0],
      [1, -1],
      [10, -3],
      [11, -4],
      [12, -5],
    ],
    hiddenUnits: 2,
    where: '§3.1.3, data set D2, Proposition 2, Figure 4(b)',
    reference: [
      {
        what: 'global minimum with a perfect fit (Proposition 2)',
        params: { w: [-5, 1], b: [1, -8], v: [1, -1], c: -1 },
        loss: 0,
        printedW: [-5, -1],
      },
      {
        what: 'suboptimal local minimum (Proposition 2)',
        params: { w: [-3, 1], b: [4 + 1 / 3, -10], v: [1, -1], c: -3 },
        loss: 8 / 3,
        printedW: [-3, -1],
      },
    ],
  },
  d3: {
    points: [
      [-1, 3],
      [0, 0],
      [1, -1],
      [10, -3],
      [11, -4],
      [12, -6],
    ],
    hiddenUnits: 3,
    where: '§3.1.3, data set D3, Proposition 3, Figure 4(c)',
    reference: [
      {
        what: 'better local minimum (Proposition 3)',
        params: { w: [-1.5, -1.5, 1.5], b: [1, 0, -13 - 1 / 6], v: [1, 1, -1], c: -1 },
        loss: 1 / 6,
      },
      {
        what: 'worse local minimum (Proposition 3)',
        params: { w: [-2, 1, 1], b: [3 + 2 / 3, -10, -11], v: [1, -1, -1], c: -3 },
        loss: 2 / 3,
      },
    ],
  },
};

/** @returns the set as a Dataset: n points, inputDim = outputDim = 1, task "regression". */
export function makeSwirszczRegression(set: SwirszczSetId): Dataset {
  const spec = SWIRSZCZ_SETS[set];
  return validateDataset({
    id: `swirszcz-${set}`,
    inputs: Float32Array.from(spec.points, (p) => p[0]),
    targets: Float32Array.from(spec.points, (p) => p[1]),
    n: spec.points.length,
    inputDim: 1,
    outputDim: 1,
    task: 'regression',
    source: `${PAPER}, ${spec.where}.`,
  });
}

/** D1's points, and its two reference points as θ = (w, b, v, c) of f(x) = v·relu(wx + b) + c (loss 18 and 14). */
export const D1_POINTS = SWIRSZCZ_SETS.d1.points;
export const D1_LOCAL_MINIMUM = [1, -3, 1, 0] as const;
export const D1_BETTER_POINT = [-7, -4, 1, 0] as const;
