// Limits of the live MLP experiments (mlp-live.ts), in a module without tfjs so page code can check them too.

/**
 * Most parameters a live spectrum may have: the dense Hessian takes P Hessian-vector products and the
 * eigensolver ~4P³ flops, about a quarter of a second at P = 600 in a browser worker.
 */
export const MAX_LIVE_PARAMETERS = 600;
/** Most steps one training request may take. */
export const MAX_CHUNK_STEPS = 20_000;
/** Widest hidden layer a live network may have. */
export const MAX_LIVE_WIDTH = 64;
/** Most hidden layers a live network may have. */
export const MAX_LIVE_HIDDEN_LAYERS = 3;
