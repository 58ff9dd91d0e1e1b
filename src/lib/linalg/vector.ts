// Small dense vector helpers on Float64Array: dot, norm, axpy, scale, and the dense row-major matrix-vector product.

/** xᵀy. @param x length n @param y length n */
export function dot(x: Float64Array, y: Float64Array): number {
  if (x.length !== y.length) throw new Error(`dot: lengths ${x.length} and ${y.length} differ`);
  let s0 = 0,
    s1 = 0;
  const n = x.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    s0 += x[i]! * y[i]!;
    s1 += x[i + 1]! * y[i + 1]!;
  }
  if (i < n) s0 += x[i]! * y[i]!;
  return s0 + s1;
}

/** Euclidean norm ‖x‖₂. */
export function norm(x: Float64Array): number {
  return Math.sqrt(dot(x, x));
}

/** y ← y + alpha·x, in place; returns y. @param x length n @param y length n */
export function axpy(alpha: number, x: Float64Array, y: Float64Array): Float64Array {
  if (x.length !== y.length) throw new Error(`axpy: lengths ${x.length} and ${y.length} differ`);
  for (let i = 0; i < x.length; i++) y[i] = y[i]! + alpha * x[i]!;
  return y;
}

/** x ← alpha·x, in place; returns x. */
export function scale(alpha: number, x: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) x[i] = x[i]! * alpha;
  return x;
}

/**
 * A x for a dense matrix.
 * @param A n×n, row-major Float64Array
 * @param n order of A
 * @param x length n
 * @param out optional destination, length n (must not alias x)
 * @returns out (or a new Float64Array) holding A x
 */
export function matvec(A: Float64Array, n: number, x: Float64Array, out = new Float64Array(n)): Float64Array {
  if (A.length !== n * n || x.length !== n || out.length !== n) throw new Error('matvec: shapes do not match n');
  for (let i = 0; i < n; i++) {
    const r = i * n;
    let s0 = 0,
      s1 = 0;
    let k = 0;
    for (; k + 1 < n; k += 2) {
      s0 += A[r + k]! * x[k]!;
      s1 += A[r + k + 1]! * x[k + 1]!;
    }
    if (k < n) s0 += A[r + k]! * x[k]!;
    out[i] = s0 + s1;
  }
  return out;
}

/** The operator v ↦ A v of a dense n×n row-major matrix, as the matrix-free methods (Lanczos, power iteration) take it. */
export function denseOperator(A: Float64Array, n: number): (v: Float64Array) => Float64Array {
  return (v) => matvec(A, n, v);
}
