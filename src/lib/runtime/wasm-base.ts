// Where the site serves tfjs's .wasm binaries (the build copies them there; the page's worker loads them from there).
export const WASM_BASE = '/tfjs-wasm/';
