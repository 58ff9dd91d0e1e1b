// An independent float64 MLP loss in plain JavaScript, and finite-difference derivatives of it, for checking tfjs.
import type { Activation, Loss } from '../../../src/lib/autodiff/ops.ts';
import { mlpLayers, type MlpSpec } from '../../../src/lib/models/mlp.ts';

const act: Record<Activation, (z: number) => number> = {
  relu: (z) => Math.max(0, z),
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: Math.tanh,
  linear: (z) => z,
  softplus: (z) => Math.log1p(Math.exp(z)),
};

/** Loss of one network in float64. x: N×d, y: N×k row-major. */
export function referenceLoss(spec: MlpSpec, loss: Loss, theta: ArrayLike<number>, x: number[][], y: number[][]): number {
  let total = 0;
  for (let n = 0; n < x.length; n++) {
    let h = x[n]!.slice();
    for (const layer of mlpLayers(spec)) {
      const out = new Array(layer.fanOut).fill(0);
      for (let j = 0; j < layer.fanOut; j++) {
        let s = layer.b >= 0 ? theta[layer.b + j]! : 0;
        for (let i = 0; i < layer.fanIn; i++) s += h[i]! * theta[layer.w + i * layer.fanOut + j]!;
        out[j] = act[layer.activation](s);
      }
      h = out;
    }
    const t = y[n]!;
    if (loss === 'softmax-ce') {
      const m = Math.max(...h);
      const lse = m + Math.log(h.reduce((a, v) => a + Math.exp(v - m), 0));
      total -= t.reduce((a, tk, k) => a + tk * (h[k]! - lse), 0);
    } else {
      total += h.reduce((a, v, k) => a + (v - t[k]!) ** 2, 0);
    }
  }
  if (loss === 'mse') return total / (x.length * y[0]!.length);
  if (loss === 'softmax-ce') return total / x.length;
  return total;
}

/** Central-difference gradient, O(h²). */
export function fdGradient(f: (t: Float64Array) => number, theta: ArrayLike<number>, h = 1e-5): Float64Array {
  const t = Float64Array.from(theta);
  const g = new Float64Array(t.length);
  for (let i = 0; i < t.length; i++) {
    const ti = t[i]!;
    t[i] = ti + h;
    const fp = f(t);
    t[i] = ti - h;
    const fm = f(t);
    t[i] = ti;
    g[i] = (fp - fm) / (2 * h);
  }
  return g;
}

/** Central-difference Hessian from four evaluations per entry, O(h²); P×P row-major. */
export function fdHessian(f: (t: Float64Array) => number, theta: ArrayLike<number>, h = 1e-4): Float64Array {
  const t = Float64Array.from(theta);
  const P = t.length;
  const H = new Float64Array(P * P);
  const at = (i: number, di: number, j: number, dj: number) => {
    const ti = t[i]!,
      tj = t[j]!;
    t[i] = ti + di;
    t[j] = t[j]! + dj;
    const v = f(t);
    t[i] = ti;
    t[j] = tj;
    return v;
  };
  for (let i = 0; i < P; i++) {
    for (let j = i; j < P; j++) {
      const v = (at(i, h, j, h) - at(i, h, j, -h) - at(i, -h, j, h) + at(i, -h, j, -h)) / (4 * h * h);
      H[i * P + j] = v;
      H[j * P + i] = v;
    }
  }
  return H;
}

/** max_ij |A_ij − B_ij| / max(1, max_ij |B_ij|). */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0,
    scale = 1;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  return diff / scale;
}
