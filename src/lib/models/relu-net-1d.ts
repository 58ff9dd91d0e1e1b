// A one-hidden-layer ReLU network on 1-D data, f(x) = Σⱼ vⱼ ReLU(wⱼx + bⱼ) + c, in float64: mean squared error,
// its gradient, its exact Hessian, and the gradient-norm objective ½‖∇L‖² with its gradient H∇L.
//
// θ = (w₁…w_h, b₁…b_h, v₁…v_h, c), P = 3h + 1 (the layout of relu-unit.ts and of the MLP [W₁, b₁, W₂, b₂]).
// Loss L(θ) = (1/N) Σᵢ rᵢ², rᵢ = f(xᵢ) − yᵢ (PyTorch's MSELoss, the homework's loss). With zᵢⱼ = wⱼxᵢ + bⱼ,
// sᵢⱼ = 1[zᵢⱼ > 0] and aᵢⱼ = ReLU(zᵢⱼ):
//   Jᵢ = ∂f(xᵢ)/∂θ:  ∂/∂wⱼ = vⱼ sᵢⱼ xᵢ,  ∂/∂bⱼ = vⱼ sᵢⱼ,  ∂/∂vⱼ = aᵢⱼ,  ∂/∂c = 1;     ∇L = (2/N) Σᵢ rᵢ Jᵢ;
//   ∇²L = (2/N) Σᵢ (Jᵢ Jᵢᵀ + rᵢ ∇²f(xᵢ)),  where ∇²f(xᵢ) has only ∂²f/∂wⱼ∂vⱼ = sᵢⱼ xᵢ and ∂²f/∂bⱼ∂vⱼ = sᵢⱼ.
// The Hessian is exact wherever no data point sits on a kink (zᵢⱼ = 0, probability zero from a random start).
//
// Two facts the minimum-ratio reproduction rests on (tested):
// - With αⱼ = Σᵢ rᵢ sᵢⱼ xᵢ and βⱼ = Σᵢ rᵢ sᵢⱼ, ∂L/∂wⱼ = (2/N) vⱼ αⱼ and ∂L/∂bⱼ = (2/N) vⱼ βⱼ, and the residual part of the
//   Hessian is (2/N)(αⱼ, βⱼ) in the (wⱼ, vⱼ) and (bⱼ, vⱼ) entries. At a critical point every unit with vⱼ ≠ 0 has
//   αⱼ = βⱼ = 0, so there ∇²L = (2/N) JᵀJ: positive semidefinite, of rank at most N.
// - ReLU(λz) = λ ReLU(z) for λ > 0: (λwⱼ, λbⱼ, vⱼ/λ) leaves f unchanged, one flat direction per unit.
import type { InPlaceLoss } from '../train/flat-gd-engine.ts';

export interface Data1D {
  x: Float64Array;
  y: Float64Array;
}

/** The hidden width h of a θ of length P = 3h + 1. */
function widthOf(P: number): number {
  const h = (P - 1) / 3;
  if (!Number.isInteger(h) || h < 1) throw new Error(`relu-net-1d: ${P} parameters is not 3h + 1 for a width h ≥ 1`);
  return h;
}

/** Residuals rᵢ = f(xᵢ) − yᵢ of the network at θ[off…], written into `r`; returns L = mean rᵢ². */
function residuals(theta: ArrayLike<number>, off: number, h: number, data: Data1D, r: Float64Array): number {
  const { x, y } = data;
  const N = x.length;
  const c = theta[off + 3 * h]!;
  let sum = 0;
  for (let i = 0; i < N; i++) {
    let f = c;
    const xi = x[i]!;
    for (let j = 0; j < h; j++) {
      const z = theta[off + j]! * xi + theta[off + h + j]!;
      if (z > 0) f += theta[off + 2 * h + j]! * z;
    }
    r[i] = f - y[i]!;
    sum += r[i]! * r[i]!;
  }
  return sum / N;
}

/** ∇L at θ[off…] from the residuals `r` of that θ, written at `gOff` of `grad`. */
function gradientFromResiduals(
  theta: ArrayLike<number>,
  off: number,
  h: number,
  data: Data1D,
  r: Float64Array,
  grad: Float64Array,
  gOff: number,
): void {
  const N = data.x.length;
  grad.fill(0, gOff, gOff + 3 * h + 1);
  let gc = 0;
  for (let i = 0; i < N; i++) {
    const ri = r[i]!,
      xi = data.x[i]!;
    gc += ri;
    for (let j = 0; j < h; j++) {
      const z = theta[off + j]! * xi + theta[off + h + j]!;
      if (z <= 0) continue;
      const rv = ri * theta[off + 2 * h + j]!;
      grad[gOff + j] = grad[gOff + j]! + rv * xi;
      grad[gOff + h + j] = grad[gOff + h + j]! + rv;
      grad[gOff + 2 * h + j] = grad[gOff + 2 * h + j]! + ri * z;
    }
  }
  grad[gOff + 3 * h] = gc;
  for (let k = gOff; k <= gOff + 3 * h; k++) grad[k] = (2 / N) * grad[k]!;
}

/** The mean squared error as an in-place loss for the stepper's flat engines (any number of runs of width h). */
export function reluNet1dLoss(h: number, data: Data1D): InPlaceLoss {
  const r = new Float64Array(data.x.length);
  return (theta, off, grad, gOff) => {
    const L = residuals(theta, off, h, data, r);
    gradientFromResiduals(theta, off, h, data, r, grad, gOff);
    return L;
  };
}

/** L(θ) and ∇L(θ) of one network (fresh arrays). */
export function reluNet1dLossAndGradient(theta: ArrayLike<number>, data: Data1D): { loss: number; grad: Float64Array } {
  const h = widthOf(theta.length);
  const grad = new Float64Array(theta.length);
  const loss = reluNet1dLoss(h, data)(Float64Array.from(theta), 0, grad, 0);
  return { loss, grad };
}

/**
 * The gradient-norm objective G(θ) = ½‖∇L(θ)‖², whose gradient is ∇G = H∇L (H = ∇²L, applied without forming it,
 * in O(N·h)). Minimising G drives θ towards a point where ∇L = 0 of any kind: minimum, saddle or maximum.
 */
export function reluNet1dGradNormObjective(h: number, data: Data1D): InPlaceLoss {
  const N = data.x.length;
  const P = 3 * h + 1;
  const r = new Float64Array(N);
  const g = new Float64Array(P);
  return (theta, off, grad, gOff) => {
    residuals(theta, off, h, data, r);
    gradientFromResiduals(theta, off, h, data, r, g, 0);
    grad.fill(0, gOff, gOff + P);
    let G = 0;
    for (let k = 0; k < P; k++) G += g[k]! * g[k]!;
    for (let i = 0; i < N; i++) {
      const xi = data.x[i]!,
        ri = r[i]!;
      // uᵢ = Jᵢ · g
      let u = g[3 * h]!;
      for (let j = 0; j < h; j++) {
        const z = theta[off + j]! * xi + theta[off + h + j]!;
        if (z <= 0) continue;
        u += theta[off + 2 * h + j]! * (xi * g[j]! + g[h + j]!) + z * g[2 * h + j]!;
      }
      grad[gOff + 3 * h] = grad[gOff + 3 * h]! + u;
      for (let j = 0; j < h; j++) {
        const z = theta[off + j]! * xi + theta[off + h + j]!;
        if (z <= 0) continue;
        const uv = u * theta[off + 2 * h + j]!;
        const rg = ri * g[2 * h + j]!;
        grad[gOff + j] = grad[gOff + j]! + uv * xi + rg * xi;
        grad[gOff + h + j] = grad[gOff + h + j]! + uv + rg;
        grad[gOff + 2 * h + j] = grad[gOff + 2 * h + j]! + u * z + ri * (xi * g[j]! + g[h + j]!);
      }
    }
    for (let k = gOff; k < gOff + P; k++) grad[k] = (2 / N) * grad[k]!;
    return G / 2;
  };
}

export interface ReluNet1dHessian {
  /** The exact Hessian ∇²L, P×P row-major. */
  hessian: Float64Array;
  /** The Gauss–Newton part (2/N) JᵀJ alone. */
  gaussNewton: Float64Array;
  P: number;
}

/** The exact Hessian of L at θ, and its Gauss–Newton part, in O(N·P²). */
export function reluNet1dHessian(theta: ArrayLike<number>, data: Data1D): ReluNet1dHessian {
  const P = theta.length;
  const h = widthOf(P);
  const N = data.x.length;
  const r = new Float64Array(N);
  residuals(theta, 0, h, data, r);
  const gn = new Float64Array(P * P);
  const J = new Float64Array(P);
  const alpha = new Float64Array(h);
  const beta = new Float64Array(h);
  const nz: number[] = [];
  for (let i = 0; i < N; i++) {
    const xi = data.x[i]!;
    J.fill(0);
    nz.length = 0;
    for (let j = 0; j < h; j++) {
      const z = theta[j]! * xi + theta[h + j]!;
      if (z <= 0) continue;
      const v = theta[2 * h + j]!;
      J[j] = v * xi;
      J[h + j] = v;
      J[2 * h + j] = z;
      nz.push(j, h + j, 2 * h + j);
      alpha[j] = alpha[j]! + r[i]! * xi;
      beta[j] = beta[j]! + r[i]!;
    }
    J[3 * h] = 1;
    nz.push(3 * h);
    for (const a of nz) {
      const Ja = J[a]!;
      for (const b of nz) gn[a * P + b] = gn[a * P + b]! + Ja * J[b]!;
    }
  }
  for (let k = 0; k < P * P; k++) gn[k] = (2 / N) * gn[k]!;
  const hessian = Float64Array.from(gn);
  for (let j = 0; j < h; j++) {
    const wv = j * P + 2 * h + j,
      vw = (2 * h + j) * P + j;
    const bv = (h + j) * P + 2 * h + j,
      vb = (2 * h + j) * P + h + j;
    hessian[wv] = hessian[wv]! + (2 / N) * alpha[j]!;
    hessian[vw] = hessian[vw]! + (2 / N) * alpha[j]!;
    hessian[bv] = hessian[bv]! + (2 / N) * beta[j]!;
    hessian[vb] = hessian[vb]! + (2 / N) * beta[j]!;
  }
  return { hessian, gaussNewton: gn, P };
}

/**
 * The two diagonal blocks of a P×P matrix for the layers of θ: the first layer's (w, b), 2h×2h, and the second's
 * (v, c), (h+1)×(h+1). For this network they are the same in the exact Hessian and in the Gauss–Newton matrix
 * (∇²f has no entry inside a layer), so a per-layer Hessian leaves out exactly the blocks that couple the layers.
 */
export function layerBlocks(M: Float64Array, P: number): { first: Float64Array; second: Float64Array; n1: number; n2: number } {
  const h = widthOf(P);
  const n1 = 2 * h,
    n2 = h + 1;
  const first = new Float64Array(n1 * n1);
  const second = new Float64Array(n2 * n2);
  for (let a = 0; a < n1; a++) for (let b = 0; b < n1; b++) first[a * n1 + b] = M[a * P + b]!;
  for (let a = 0; a < n2; a++) for (let b = 0; b < n2; b++) second[a * n2 + b] = M[(n1 + a) * P + n1 + b]!;
  return { first, second, n1, n2 };
}

/** Hidden units inactive on every data point (their w, b and v do not change the loss at all). */
export function deadUnits(theta: ArrayLike<number>, data: Data1D): number {
  const h = widthOf(theta.length);
  let dead = 0;
  for (let j = 0; j < h; j++) if (data.x.every((xi) => theta[j]! * xi + theta[h + j]! <= 0)) dead++;
  return dead;
}

/**
 * Distinct activation patterns (sets {i : sᵢⱼ = 1}) among the live units. The columns of J of all units that share a
 * pattern lie in a space of dimension 2 (spanned by sᵢ·xᵢ and sᵢ), so rank J ≤ 1 + 2·patterns.
 */
export function activationPatterns(theta: ArrayLike<number>, data: Data1D): number {
  const h = widthOf(theta.length);
  const seen = new Set<string>();
  for (let j = 0; j < h; j++) {
    let key = '';
    for (const xi of data.x) key += theta[j]! * xi + theta[h + j]! > 0 ? '1' : '0';
    if (key.includes('1')) seen.add(key);
  }
  return seen.size;
}

/**
 * PyTorch's default initialisation of nn.Linear, which the homework's Linear(1, h) → ReLU → Linear(h, 1) model
 * gets: every weight and bias of a layer uniform on (−1/√fan_in, 1/√fan_in), so w, b ~ U(−1, 1) and
 * v, c ~ U(−1/√h, 1/√h). `uniform()` returns [0, 1).
 */
export function initReluNet1d(h: number, uniform: () => number): Float64Array {
  const theta = new Float64Array(3 * h + 1);
  const s2 = 1 / Math.sqrt(h);
  for (let k = 0; k < 2 * h; k++) theta[k] = 2 * uniform() - 1;
  for (let k = 2 * h; k <= 3 * h; k++) theta[k] = s2 * (2 * uniform() - 1);
  return theta;
}
