// Hessian-vector products of an MLP loss for k directions at once, by Pearlmutter's R-operator (1994).
//
// The primal forward and backward passes are done once; only the directional ("R") quantities carry the
// k directions, and every product is arranged as one large 2-D matmul. With V = (V_W, V_b) the direction,
// R{·} the directional derivative, a₀ = X, z_l = a_{l−1} W_l + b_l, a_l = σ_l(z_l), o = z_L:
//   R z_l = R a_{l−1} W_l + a_{l−1} V_W,l + V_b,l,         R a_l = σ'(z_l) ⊙ R z_l
//   δ_L = ∂ℓ/∂o,  R δ_L = (∂²ℓ/∂o²) R o
//   dz_l = δ_l ⊙ σ'(z_l),  R dz_l = R δ_l ⊙ σ'(z_l) + δ_l ⊙ σ''(z_l) ⊙ R z_l
//   R g_W,l = R a_{l−1}ᵀ dz_l + a_{l−1}ᵀ R dz_l,  R g_b,l = Σ_n R dz_l
//   δ_{l−1} = dz_l W_lᵀ,  R δ_{l−1} = R dz_l W_lᵀ + dz_l V_W,lᵀ
// and (R g_W, R g_b) over all layers is H v. Checked against reverse-over-reverse autodiff in the tests.
import { tf } from '../autodiff/tf.ts';
import { activate, type Activation, type Loss } from '../autodiff/ops.ts';
import { mlpLayers, type MlpSpec } from './mlp.ts';

/** σ'(z) and σ''(z) in closed form. */
function derivatives(act: Activation, z: tf.Tensor): [tf.Tensor, tf.Tensor | null] {
  switch (act) {
    case 'linear':
      return [tf.onesLike(z), null];
    case 'relu':
      return [tf.step(z), null];
    case 'sigmoid': {
      const s = tf.sigmoid(z);
      const d1 = tf.mul(s, tf.sub(1, s));
      return [d1, tf.mul(d1, tf.sub(1, tf.mul(2, s)))];
    }
    case 'tanh': {
      const t = tf.tanh(z);
      const d1 = tf.sub(1, tf.square(t));
      return [d1, tf.mul(-2, tf.mul(t, d1))];
    }
    case 'softplus': {
      const s = tf.sigmoid(z);
      return [s, tf.mul(s, tf.sub(1, s))];
    }
  }
}

/** a [N, m] times each of k matrices M [k, m, p], as one matmul: → [k, N, p]. */
function leftTimesEach(a: tf.Tensor2D, M: tf.Tensor3D): tf.Tensor3D {
  const [k, m, p] = M.shape;
  const wide = tf.reshape(tf.transpose(M, [1, 0, 2]), [m, k * p]);
  return tf.transpose(tf.reshape(tf.matMul(a, wide), [a.shape[0], k, p]), [1, 0, 2]);
}

/** Each of k matrices A [k, N, m], transposed, times b [N, p], as one matmul: → [k, m, p]. */
function eachTransposedTimes(A: tf.Tensor3D, b: tf.Tensor2D): tf.Tensor3D {
  const [k, N, m] = A.shape;
  const tall = tf.reshape(tf.transpose(A, [0, 2, 1]), [k * m, N]);
  return tf.reshape(tf.matMul(tall, b), [k, m, b.shape[1]]);
}

/** aᵀ [m, N] times each of k matrices B [k, N, p]: → [k, m, p]. */
function transposedTimesEach(a: tf.Tensor2D, B: tf.Tensor3D): tf.Tensor3D {
  const [k, N, p] = B.shape;
  const wide = tf.reshape(tf.transpose(B, [1, 0, 2]), [N, k * p]);
  return tf.transpose(tf.reshape(tf.matMul(a, wide, true, false), [a.shape[1], k, p]), [1, 0, 2]);
}

/** Each of k matrices A [k, N, m] times W [m, p] (the same W), as one matmul: → [k, N, p]. */
function eachTimesRight(A: tf.Tensor3D, W: tf.Tensor2D, transposeW = false): tf.Tensor3D {
  const [k, N, m] = A.shape;
  const out = tf.matMul(tf.reshape(A, [k * N, m]), W, false, transposeW);
  return tf.reshape(out, [k, N, out.shape[1] as number]);
}

/**
 * H(θ) v_r for k directions of an MLP loss, as a [k, P] tensor (call inside tf.tidy).
 * @param theta [P], directions [k, P], x [N, d], y [N, K]
 */
export function mlpHessianVectorProducts(
  spec: MlpSpec,
  loss: Loss,
  theta: tf.Tensor1D,
  directions: tf.Tensor2D,
  x: tf.Tensor2D,
  y: tf.Tensor2D,
): tf.Tensor2D {
  const layers = mlpLayers(spec);
  const k = directions.shape[0];
  const N = x.shape[0];
  const W = layers.map((l) => tf.reshape(tf.slice(theta, l.w, l.fanIn * l.fanOut), [l.fanIn, l.fanOut]) as tf.Tensor2D);
  const VW = layers.map((l) => tf.reshape(tf.slice(directions, [0, l.w], [k, l.fanIn * l.fanOut]), [k, l.fanIn, l.fanOut]) as tf.Tensor3D);
  const Vb = layers.map((l) =>
    l.b >= 0 ? (tf.reshape(tf.slice(directions, [0, l.b], [k, l.fanOut]), [k, 1, l.fanOut]) as tf.Tensor3D) : null,
  );

  // Primal and R forward passes.
  const a: tf.Tensor2D[] = [x];
  const Ra: (tf.Tensor3D | null)[] = [null];
  const Rz: tf.Tensor3D[] = [];
  const d1: tf.Tensor[] = [];
  const d2: (tf.Tensor | null)[] = [];
  layers.forEach((l, i) => {
    let z = tf.matMul(a[i]!, W[i]!);
    if (l.b >= 0) z = tf.add(z, tf.slice(theta, l.b, l.fanOut));
    let rz = leftTimesEach(a[i]!, VW[i]!);
    if (Ra[i]) rz = tf.add(rz, eachTimesRight(Ra[i]!, W[i]!));
    if (Vb[i]) rz = tf.add(rz, Vb[i]!);
    const [s1, s2] = derivatives(l.activation, z);
    Rz.push(rz);
    d1.push(s1);
    d2.push(s2);
    a.push(activate(l.activation, z) as tf.Tensor2D);
    Ra.push(tf.mul(s1, rz) as tf.Tensor3D);
  });

  // Output gradient δ_L and its R form.
  const out = a[layers.length]!;
  const Ro = Rz[layers.length - 1]!;
  const K = out.shape[1] as number;
  let delta: tf.Tensor2D;
  let Rdelta: tf.Tensor3D;
  if (loss === 'softmax-ce') {
    const p = tf.softmax(out);
    const s = tf.sum(y, 1, true); // Σ_k y_nk (1 for one-hot targets)
    delta = tf.div(tf.sub(tf.mul(s, p), y), N) as tf.Tensor2D;
    const pRo = tf.mul(p, Ro);
    Rdelta = tf.div(tf.mul(s, tf.sub(pRo, tf.mul(p, tf.sum(pRo, 2, true)))), N) as tf.Tensor3D;
  } else {
    const scale = loss === 'sse' ? 2 : 2 / (N * K);
    delta = tf.mul(tf.sub(out, y), scale) as tf.Tensor2D;
    Rdelta = tf.mul(Ro, scale) as tf.Tensor3D;
  }

  // Backward pass, collecting R g per layer.
  const pieces: tf.Tensor2D[] = new Array(layers.length * 2);
  for (let i = layers.length - 1; i >= 0; i--) {
    const l = layers[i]!;
    const dz = tf.mul(delta, d1[i]!) as tf.Tensor2D;
    let Rdz = tf.mul(Rdelta, d1[i]!) as tf.Tensor3D;
    if (d2[i]) Rdz = tf.add(Rdz, tf.mul(tf.mul(delta, d2[i]!), Rz[i]!)) as tf.Tensor3D;
    let RgW = transposedTimesEach(a[i]!, Rdz);
    if (Ra[i]) RgW = tf.add(RgW, eachTransposedTimes(Ra[i]!, dz));
    pieces[2 * i] = tf.reshape(RgW, [k, l.fanIn * l.fanOut]) as tf.Tensor2D;
    if (l.b >= 0) pieces[2 * i + 1] = tf.sum(Rdz, 1) as tf.Tensor2D;
    if (i > 0) {
      Rdelta = tf.add(eachTimesRight(Rdz, W[i]!, true), leftTimesEach(dz, tf.transpose(VW[i]!, [0, 2, 1]) as tf.Tensor3D)) as tf.Tensor3D;
      delta = tf.matMul(dz, W[i]!, false, true);
    }
  }
  return tf.concat(pieces.filter(Boolean), 1) as tf.Tensor2D;
}
