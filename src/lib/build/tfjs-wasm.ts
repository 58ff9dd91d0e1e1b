// Astro integration: serves tfjs's .wasm binaries from the site itself, at /tfjs-wasm/, in dev and in the build.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

import { WASM_BASE, WASM_DIR } from '../runtime/wasm-base.ts';

export { WASM_BASE, WASM_DIR };
export const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'] as const;

export function wasmSourceDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')) + '/dist';
}

export default function tfjsWasm(): AstroIntegration {
  return {
    name: 'saddle-tfjs-wasm',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          // Node does not know the base path (WASM_BASE is '/tfjs-wasm/' here), so match the folder wherever it sits.
          const at = req.url?.indexOf(`/${WASM_DIR}`) ?? -1;
          const name = at >= 0 ? req.url!.slice(at + WASM_DIR.length + 1).split('?')[0] : undefined;
          if (!name || !(WASM_FILES as readonly string[]).includes(name)) return next();
          res.setHeader('content-type', 'application/wasm');
          res.end(readFileSync(join(wasmSourceDir(), name)));
        });
      },
      'astro:build:done': ({ dir }) => {
        const out = join(fileURLToPath(dir), WASM_DIR);
        mkdirSync(out, { recursive: true });
        for (const name of WASM_FILES) copyFileSync(join(wasmSourceDir(), name), join(out, name));
      },
    },
  };
}
