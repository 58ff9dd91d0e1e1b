// The operator v ↦ A v of a dense row-major matrix: how the tests hand a known matrix to the matrix-free methods (Lanczos, SLQ, Hutchinson).

/** v ↦ A v for n×n row-major A, by plain loops. */
export function denseOperator(A: Float64Array, n: number): (v: Float64Array) => Float64Array {
  if (A.length !== n * n) throw new Error(`denseOperator: A has length ${A.length}, expected n·n = ${n * n}`);
  return (v) => {
    if (v.length !== n) throw new Error(`denseOperator: v has length ${v.length}, expected ${n}`);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += A[i * n + k]! * v[k]!;
      out[i] = s;
    }
    return out;
  };
}
