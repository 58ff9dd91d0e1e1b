// The published table the xor-jellyfish reproduction compares with (zod-free and tfjs-free, so page code can import it).
//
// Swirszcz, Czarnecki & Pascanu, "Local minima in training of neural networks", arXiv:1611.06310 (2016); read in the
// ICLR 2017 OpenReview version ("Local minima in training of deep networks"), the table of "convergence" rates of
// 2-h-1 networks from random initialisations (success = zero training error), Adam and full-batch GD, on XOR and on
// the jellyfish data, ReLU and sigmoid hidden units. The paper does not state the number of runs per cell, the
// learning rates, the initialisation, the loss, the iteration budget, or the XOR coordinates.

export type XjDataset = 'xor' | 'jellyfish';
export type XjActivation = 'relu' | 'sigmoid';
export type XjOptimizer = 'adam' | 'gd';

export const XJ_DATASETS: readonly XjDataset[] = ['xor', 'jellyfish'];
export const XJ_ACTIVATIONS: readonly XjActivation[] = ['relu', 'sigmoid'];
export const XJ_OPTIMIZERS: readonly XjOptimizer[] = ['adam', 'gd'];
/** Hidden widths h of the table. */
export const XJ_WIDTHS: readonly number[] = [2, 3, 4, 5, 6, 7];

export const XJ_PAPER_SOURCE =
  'Swirszcz, Czarnecki & Pascanu, "Local minima in training of neural networks", arXiv:1611.06310 (2016), ' +
  'table of "convergence" rates of 2-h-1 networks on XOR and jellyfish (ICLR 2017 OpenReview version)';

/** The published percentages, by optimizer, data set, activation, then h = 2…7 in order. */
export const XJ_PAPER_PERCENT: Record<XjOptimizer, Record<XjDataset, Record<XjActivation, readonly number[]>>> = {
  adam: {
    xor: { relu: [28, 52, 68, 81, 91, 97], sigmoid: [79, 98, 100, 100, 100, 100] },
    jellyfish: { relu: [7, 34, 50, 51, 61, 69], sigmoid: [0, 0, 2, 27, 17, 58] },
  },
  gd: {
    xor: { relu: [23, 47, 70, 80, 89, 89], sigmoid: [90, 100, 100, 100, 100, 100] },
    jellyfish: { relu: [16, 33, 66, 68, 69, 86], sigmoid: [62, 100, 100, 100, 100, 100] },
  },
};

/** The paper's rate (as a fraction) for one cell, or null when h is outside the table. */
export function paperRate(optimizer: XjOptimizer, dataset: XjDataset, activation: XjActivation, h: number): number | null {
  const i = XJ_WIDTHS.indexOf(h);
  return i < 0 ? null : XJ_PAPER_PERCENT[optimizer][dataset][activation][i]! / 100;
}
