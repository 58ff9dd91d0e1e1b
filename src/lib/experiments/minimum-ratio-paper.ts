// What Hung-yi Lee's lecture and homework say about the minimum ratio, for the minimum-ratio reproduction (zod-free
// and tfjs-free, so page code can import it). The plot is the course's own experiment: its values are not
// published, so what the widget sets beside our runs is what the lecture reads off the plot (seed 001, the
// paragraph after image-20210314205517453) and the homework's rule, not a table of numbers.

export const LEE_SOURCE =
  'Hung-yi Lee, Machine Learning 2021 (National Taiwan University), lecture "When gradient is small: local minimum ' +
  'and saddle point", the plot of training loss against minimum ratio; homework HW2-2 (Hessian matrix).';

export const LEE_COURSE_URL = 'https://speech.ee.ntu.edu.tw/~hylee/ml/2021-spring.php';

/** What the lecture reads into its plot, one entry per claim the widget tests. */
export const LEE_CLAIMS = {
  /** Every point is a network trained until its gradient was small; none reaches a ratio of 1. */
  noTrueMinimum: 'No network reaches a minimum ratio of 1: none is a true local minimum.',
  /** "Even in the most extreme case half of the eigenvalues are negative": half the directions still lead down. */
  halfDown: 'At the most minimum-like point the ratio is about 0.5: half the eigenvalues are negative, half the directions lead down.',
} as const;
