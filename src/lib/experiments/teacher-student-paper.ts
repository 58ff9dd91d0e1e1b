// Safran & Shamir's published numbers for the teacher–student reproduction (no zod, no tfjs: page code imports it).
//
// Source: I. Safran and O. Shamir, "Spurious local minima are common in two-layer ReLU neural networks", ICML 2018,
// arXiv:1712.08968. Table 1 ("Spurious local minima found for n = k") and Table 2 ("... for n ≠ k", which lists
// n = k + 1): per (k, n), the percentage of 1,000 gradient-descent runs that ended at a spurious local minimum, the
// average smallest Hessian eigenvalue and the average objective value at those minima. Cells where no spurious
// minimum was found have no row.
//
// How the numbers were read (the lead should re-read them in the PDF): from an image of the two tables in a 2018
// course slide (Hung-yi Lee, MLDS 2018, kept in github YoranAtWhut/note, MLDS_2018/non_linear_network/7.png), since no
// text copy of the paper was within reach. Every value was then checked against the authors' result files
// (github ItaySafran/OneLayerGDconvergence, Results/newExp-k-n.mat): the run counts of the stored point families, less
// the families that fail the authors' minimum test (models/teacher-student-certificate.ts), give every percentage
// below exactly, and the exact Hessian of models/teacher-student.ts at the stored points gives every eigenvalue to the
// printed digits. The objective column agrees too, except at (10, 10) and (11, 11): the stored points average 0.020
// there, the table prints 0.022.
//
// Grid. The authors' processing script (Verify_minima_code/processResults.m) visits n = k … min(k + 3, 20), so cells
// with n > 20 were not run, and their Results folder holds no file for any n ≥ k + 2 (nor for (6, 7), (7, 8), (9, 10)):
// no spurious minimum was reported there. Whether the paper's text says so in words was not checked.

export const SAFRAN_SHAMIR_SOURCE =
  'Safran & Shamir, "Spurious local minima are common in two-layer ReLU neural networks", ICML 2018 (arXiv:1712.08968), Tables 1 and 2';

/** The authors' runs per (k, n). */
export const PAPER_RUNS_PER_CELL = 1000;

/** Largest student the authors ran (processResults.m stops at n = 20). */
export const PAPER_MAX_N = 20;

export interface PaperCell {
  /** Teacher neurons (= input dimension d). */
  k: number;
  /** Student neurons. */
  n: number;
  /** % of runs converging to a spurious local minimum. */
  percent: number;
  /** Average smallest Hessian eigenvalue at those minima. */
  lambdaMin: number;
  /** Average objective value at those minima. */
  loss: number;
}

const row = (k: number, n: number, percent: number, lambdaMin: number, loss: number): PaperCell => ({ k, n, percent, lambdaMin, loss });

/** Table 1 (n = k) and Table 2 (n = k + 1), in the paper's order. */
export const PAPER_CELLS: readonly PaperCell[] = [
  row(6, 6, 0.3, 0.0047, 0.025),
  row(7, 7, 5.5, 0.014, 0.023),
  row(8, 8, 12.6, 0.021, 0.021),
  row(9, 9, 21.8, 0.027, 0.02),
  row(10, 10, 34.6, 0.03, 0.022),
  row(11, 11, 45.5, 0.034, 0.022),
  row(12, 12, 58.5, 0.035, 0.021),
  row(13, 13, 73, 0.037, 0.022),
  row(14, 14, 73.6, 0.038, 0.023),
  row(15, 15, 80.3, 0.038, 0.024),
  row(16, 16, 85.1, 0.038, 0.027),
  row(17, 17, 89.7, 0.039, 0.027),
  row(18, 18, 90, 0.039, 0.029),
  row(19, 19, 93.4, 0.038, 0.031),
  row(20, 20, 94, 0.038, 0.033),
  row(8, 9, 0.1, 0.0059, 0.021),
  row(10, 11, 0.1, 0.0057, 0.018),
  row(11, 12, 0.1, 0.0056, 0.017),
  row(12, 13, 0.3, 0.0054, 0.016),
  row(13, 14, 1.5, 0.0015, 0.038),
  row(14, 15, 5.5, 0.002, 0.033),
  row(15, 16, 10.1, 0.004, 0.032),
  row(16, 17, 18, 0.0055, 0.031),
  row(17, 18, 20.9, 0.007, 0.031),
  row(18, 19, 36.9, 0.0064, 0.028),
  row(19, 20, 49.1, 0.0077, 0.027),
];

/**
 * What the paper says about cell (k, n): its table row; 'none-found' for a cell the authors ran (6 ≤ k ≤ 20,
 * k ≤ n ≤ min(k + 3, 20)) without a row; 'not-run' outside that grid.
 */
export function paperCell(k: number, n: number): PaperCell | 'none-found' | 'not-run' {
  const hit = PAPER_CELLS.find((c) => c.k === k && c.n === n);
  if (hit) return hit;
  return k >= 6 && k <= 20 && n >= k && n <= Math.min(k + 3, PAPER_MAX_N) ? 'none-found' : 'not-run';
}
