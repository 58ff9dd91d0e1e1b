// Loss along the line θ(α) = (1 − α) θ₀ + α θ₁ (Goodfellow, Vinyals & Saxe 2015), all α in one batched pass.
import { z } from 'zod';
import { readTensor, tf } from '../autodiff/tf.ts';
import type { Objective } from '../models/objective.ts';
import { count } from '../config/numbers.ts';

const finite = (label: string) => z.number({ error: `${label} must be a number` }).refine(Number.isFinite, `${label} must be finite`);

/** A validated α range; with alphasOf, for the reproductions of issue #11 (α from 0 to 2, zoom near θ*). */
export const alphaRangeSchema = z
  .strictObject({ from: finite('from').default(-0.5), to: finite('to').default(1.5), count: count('count', 2001).default(101) })
  .refine((r) => r.to > r.from, { message: 'the α range is reversed or empty: "to" must be greater than "from"', path: ['to'] });
export type AlphaRange = z.infer<typeof alphaRangeSchema>;

export function alphasOf({ from, to, count: n }: AlphaRange): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (n === 1 ? from : from + ((to - from) * i) / (n - 1)));
}

/** Losses at θ(α) for each α, evaluated as one batch of rows (in chunks of `chunk`). */
export function lossAlongLine(
  objective: Objective,
  theta0: ArrayLike<number>,
  theta1: ArrayLike<number>,
  alphas: ArrayLike<number>,
  chunk = 512,
): Float64Array {
  const P = objective.P;
  const out = new Float64Array(alphas.length);
  for (let start = 0; start < alphas.length; start += chunk) {
    const k = Math.min(chunk, alphas.length - start);
    const rows = new Float32Array(k * P);
    for (let r = 0; r < k; r++) {
      const a = alphas[start + r]!;
      for (let i = 0; i < P; i++) rows[r * P + i] = (1 - a) * theta0[i]! + a * theta1[i]!;
    }
    out.set(
      readTensor(() => objective.loss(tf.tensor2d(rows, [k, P]))),
      start,
    );
  }
  return out;
}
