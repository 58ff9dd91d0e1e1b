// Where the site serves tfjs's .wasm binaries (the build copies them there; the page's worker loads them from there).
import { sitePath } from '../i18n/paths.ts';

/** The folder under dist/. */
export const WASM_DIR = 'tfjs-wasm/';
/** Its URL path, under the site's base path. */
export const WASM_BASE = sitePath(WASM_DIR);
