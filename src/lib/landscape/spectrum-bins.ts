// Bins a Hessian spectrum for a histogram on a symmetric log axis: one bin for |λ| ≤ tol, log-spaced bins beyond.
//
// Eigenvalues of a trained network span many orders of magnitude with both signs (a few large positive ones,
// a bulk near zero, small negative ones), so equal-width bins would put all but the top few into one bar.
// The zero bin is exactly the set classifyPoint counts as zero (|λ| ≤ zeroTol); outside it, bin edges are
// powers 10^(k/perDecade), mirrored for negative eigenvalues, from zeroTol out to the largest |λ|.

export interface SpectrumBin {
  /** Edges of the bin: λ in (lo, hi] for positive bins, [lo, hi) for negative ones, [lo, hi] for the zero bin. */
  lo: number;
  hi: number;
  count: number;
  /** −1: negative eigenvalues, 0: |λ| ≤ zeroTol, 1: positive eigenvalues. */
  sign: -1 | 0 | 1;
}

/** Positive edges zeroTol < e₁ < … < e_K with e_K ≥ max (each e_k a power 10^(k/perDecade)). */
function edgesUpTo(max: number, zeroTol: number, perDecade: number): number[] {
  const edges = [zeroTol];
  if (!(max > zeroTol)) return edges;
  let k = Math.floor(Math.log10(zeroTol) * perDecade) + 1;
  // Guard against round-off putting 10^(k/perDecade) at or below zeroTol.
  while (10 ** (k / perDecade) <= zeroTol) k++;
  for (;;) {
    const e = 10 ** (k / perDecade);
    edges.push(e);
    if (e >= max) return edges;
    k++;
  }
}

/**
 * @param eigenvalues any order
 * @param zeroTol |λ| ≤ zeroTol counts as zero (classifyPoint's zeroTol); must be > 0
 * @returns bins from the most negative to the most positive; the zero bin is always present
 */
export function spectrumBins(eigenvalues: ArrayLike<number>, zeroTol: number, perDecade = 2): SpectrumBin[] {
  if (!(zeroTol > 0)) throw new Error(`spectrumBins: zeroTol must be positive, got ${zeroTol}`);
  let maxPos = 0,
    maxNeg = 0;
  for (let i = 0; i < eigenvalues.length; i++) {
    const l = eigenvalues[i]!;
    if (l > maxPos) maxPos = l;
    if (-l > maxNeg) maxNeg = -l;
  }
  const pos = edgesUpTo(maxPos, zeroTol, perDecade);
  const neg = edgesUpTo(maxNeg, zeroTol, perDecade);
  const bins: SpectrumBin[] = [];
  for (let k = neg.length - 1; k > 0; k--) bins.push({ lo: -neg[k]!, hi: -neg[k - 1]!, count: 0, sign: -1 });
  const zeroIndex = bins.length;
  bins.push({ lo: -zeroTol, hi: zeroTol, count: 0, sign: 0 });
  for (let k = 1; k < pos.length; k++) bins.push({ lo: pos[k - 1]!, hi: pos[k]!, count: 0, sign: 1 });
  const find = (edges: number[], a: number) => {
    // Smallest k ≥ 1 with a ≤ edges[k] (binary search).
    let lo = 1,
      hi = edges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a <= edges[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  for (let i = 0; i < eigenvalues.length; i++) {
    const l = eigenvalues[i]!;
    if (Math.abs(l) <= zeroTol) bins[zeroIndex]!.count++;
    else if (l > 0) bins[zeroIndex + find(pos, l)]!.count++;
    else if (l < 0) bins[zeroIndex - find(neg, -l)]!.count++;
  }
  return bins;
}
