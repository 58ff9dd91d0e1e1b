// What Kawaguchi (2016) states about deep linear networks, for the deep-linear reproduction (zod-free and tfjs-free,
// so page code can import it). The paper is theoretical: it has no experiment and no table of numbers, so what the
// widget sets beside our runs are the theorem's claims, not measured values.
//
// Notation of the paper (Section 2): H hidden layers of widths d_1, …, d_H, d_0 = d_x inputs, d_{H+1} = d_y outputs,
// X ∈ R^{d_x×m} and Y ∈ R^{d_y×m} with one sample per column, W_k ∈ R^{d_k×d_{k−1}}, Ŷ = W_{H+1} W_H ⋯ W_1 X,
// p = min(d_1, …, d_H) the narrowest hidden layer, Σ = Y Xᵀ(XXᵀ)⁻¹X Yᵀ, and the loss L̄(W) = ½‖Ŷ − Y‖_F² (a sum
// over samples; the paper notes that (2/m)L̄, the mean squared error, has the same critical points and minima).
// This course counts depth as weight matrices: depth = H + 1. The abstract counts input and output as layers, so its
// "three layers" is H = 1 (depth 2) and "more than three layers" is H ≥ 2 (depth ≥ 3).

export const KAWAGUCHI_SOURCE =
  'K. Kawaguchi, "Deep Learning without Poor Local Minima", Advances in Neural Information Processing Systems 29 ' +
  '(NeurIPS 2016), pp. 586–594; arXiv:1605.07110 (v3). Theorem 2.3 and Corollary 2.4 (Section 2, deep linear networks).';

export const KAWAGUCHI_ARXIV = 'https://arxiv.org/abs/1605.07110';

/** The hypotheses of Theorem 2.3, one per entry, keyed like models/deep-linear-optimum.ts's DataConditions. */
export const KAWAGUCHI_HYPOTHESES = {
  xxtFullRank: 'XXᵀ has full rank (d_x): the inputs span R^{d_x}, so the least-squares fit is unique.',
  xytFullRank: 'XYᵀ has full rank, min(d_x, d_y).',
  dyAtMostDx: 'There are no more outputs than inputs: d_y ≤ d_x.',
  sigmaDistinct: 'Σ = Y Xᵀ(XXᵀ)⁻¹X Yᵀ has d_y distinct eigenvalues.',
} as const;

/**
 * What the theorem does not assume: the depth H ≥ 1 and the widths d_1, …, d_H are arbitrary. In particular it
 * puts no condition such as p ≤ min(d_x, d_y) on the widths; p only decides what the global minimum is (the
 * least-squares fit if p ≥ d_y, the best fit of rank p below that).
 */
export const KAWAGUCHI_ANY_WIDTHS =
  'Any depth H ≥ 1 and any hidden widths d_1, …, d_H ≥ 1: no condition on the widths relative to d_x or d_y.';

/** The conclusions of Theorem 2.3 for L̄ under the hypotheses. */
export const KAWAGUCHI_CONCLUSIONS = [
  'L̄ is neither convex nor concave.',
  'Every local minimum of L̄ is a global minimum.',
  'Every critical point that is not a global minimum is a saddle point.',
  'If rank(W_H ⋯ W_2) = p, the Hessian at any saddle point has at least one strictly negative eigenvalue.',
] as const;

/** Corollary 2.4, split by depth (H hidden layers; depth = H + 1 weight matrices). */
export const KAWAGUCHI_COROLLARY = {
  oneHiddenLayer: 'With H = 1 (depth 2), the Hessian at every saddle point has a strictly negative eigenvalue.',
  deeper: 'With H ≥ 2 (depth ≥ 3), some saddle points have a Hessian with no negative eigenvalue ("bad" saddle points).',
} as const;

/**
 * What the theorem leads one to expect of our runs, and what it does not promise. It is a statement about the loss
 * surface, not about gradient descent: that GD from a random start ends at a global minimum is the natural reading,
 * which the runs test, not a claim of the paper. Nor does the linear theorem say anything about ReLU networks (the
 * paper's nonlinear result rests on an independence assumption that trained ReLU networks do not satisfy).
 */
export const KAWAGUCHI_EXPECTATIONS = {
  linear: 'Deep linear runs should end at the global minimum (no other local minimum exists to stop them).',
  relu: 'The theorem is silent about ReLU networks trained on data: their final losses may spread.',
  origin: 'W = 0 is a saddle for every depth when XYᵀ ≠ 0; its Hessian has a negative eigenvalue at depth 2 and is zero from depth 3 on.',
} as const;
