// Networks of different hidden widths in one batch: each is embedded in the widest one, the rest masked off.
// For the reproductions of issue #9 (2-h-1 networks, h = 2…7, trained in one batch); nothing calls it yet.
//
// A unit outside a run's width has zero incoming weights, zero bias and zero outgoing weights, so it adds
// nothing to the output; masking the gradient (and hence every update) keeps those weights at zero. Each
// row of the batch therefore trains exactly the narrower network, while all rows share one computation.
import { mlpInit, mlpLayers, mlpParamCount, type MlpSpec } from './mlp.ts';
import type { Rng } from '../random/rng.ts';

/** 1 for the parameters of the network with hidden widths `hidden` inside `widest`, 0 elsewhere (length P). */
export function widthMask(widest: MlpSpec, hidden: readonly number[]): Float32Array {
  const full = widest.widths;
  if (hidden.length !== full.length - 2) throw new Error(`widthMask: ${full.length - 2} hidden layers, got ${hidden.length} widths`);
  hidden.forEach((h, i) => {
    if (!(h >= 1 && h <= full[i + 1]!)) throw new Error(`widthMask: hidden width ${h} is outside 1…${full[i + 1]} of layer ${i + 1}`);
  });
  const used = [full[0]!, ...hidden, full.at(-1)!];
  const mask = new Float32Array(mlpParamCount(widest));
  mlpLayers(widest).forEach((l, i) => {
    for (let r = 0; r < used[i]!; r++) for (let c = 0; c < used[i + 1]!; c++) mask[l.w + r * l.fanOut + c] = 1;
    if (l.b >= 0) for (let c = 0; c < used[i + 1]!; c++) mask[l.b + c] = 1;
  });
  return mask;
}

/**
 * Initial parameters of the narrower network (initialised as that network, so with its own fan-in),
 * laid out inside the widest one, zeros elsewhere.
 */
export function initEmbedded(widest: MlpSpec, hidden: readonly number[], rng: Rng): Float32Array {
  const narrow: MlpSpec = { ...widest, widths: [widest.widths[0]!, ...hidden, widest.widths.at(-1)!] };
  const small = mlpInit(narrow, rng);
  const out = new Float32Array(mlpParamCount(widest));
  const big = mlpLayers(widest);
  mlpLayers(narrow).forEach((l, i) => {
    const B = big[i]!;
    for (let r = 0; r < l.fanIn; r++) for (let c = 0; c < l.fanOut; c++) out[B.w + r * B.fanOut + c] = small[l.w + r * l.fanOut + c]!;
    if (l.b >= 0) for (let c = 0; c < l.fanOut; c++) out[B.b + c] = small[l.b + c]!;
  });
  return out;
}
