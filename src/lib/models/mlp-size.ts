// The parameter count of an MLP from its widths alone: no tfjs or zod, so page code can count what the worker trains.

/** P = Σ_l w_l·w_{l+1} (+ w_{l+1} with biases) for widths [input, hidden…, output] (the layout of mlp.ts). */
export function mlpParamCount<S extends { widths: readonly number[]; bias?: boolean }>(spec: S): number {
  return spec.widths.slice(1).reduce((sum, out, l) => sum + spec.widths[l]! * out + (spec.bias ? out : 0), 0);
}
