// Random directions in parameter space with filter normalisation (Li, Xu, Taylor, Studer & Goldstein 2018).
// For the reproductions of issue #11 (Li et al. 2018 filter-normalised surfaces); nothing calls it yet.
//
// A Gaussian direction d is rescaled filter by filter so that each filter of d has the norm of the same
// filter of θ: d_f ← d_f ‖θ_f‖ / ‖d_f‖. For a fully connected layer a filter is one unit's incoming
// weights (a column of W). Bias directions are set to zero, as Li et al. do. This removes the scale
// invariance of ReLU networks from the picture, so plots of different networks can be compared.
import { mlpLayers, mlpParamCount, type MlpSpec } from '../models/mlp.ts';
import type { Rng } from '../random/rng.ts';

export function filterNormalizedDirection(spec: MlpSpec, theta: ArrayLike<number>, rng: Rng): Float64Array {
  const d = new Float64Array(mlpParamCount(spec));
  for (const layer of mlpLayers(spec)) {
    for (let j = 0; j < layer.fanOut; j++) {
      let dn = 0,
        tn = 0;
      for (let i = 0; i < layer.fanIn; i++) {
        const at = layer.w + i * layer.fanOut + j;
        d[at] = rng.normal();
        dn += d[at]! ** 2;
        tn += theta[at]! ** 2;
      }
      const scale = dn > 0 ? Math.sqrt(tn / dn) : 0;
      for (let i = 0; i < layer.fanIn; i++) d[layer.w + i * layer.fanOut + j]! *= scale;
    }
    // layer.b entries stay 0: no movement along biases.
  }
  return d;
}
