// Bundles the real worker and the harness page with esbuild into a folder the test server can serve.
import { build, type BuildOptions } from 'esbuild';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;

export async function bundleWorkerHarness(dir: string, withWasm: boolean): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const common: BuildOptions = {
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    logLevel: 'warning',
  };
  await build({ ...common, entryPoints: [join(ROOT, 'src/lib/runtime/worker.ts')], outfile: join(dir, 'worker.js') });
  await build({ ...common, entryPoints: [join(ROOT, 'tests/e2e/crash-worker.ts')], outfile: join(dir, 'crash-worker.js') });
  await build({ ...common, entryPoints: [join(ROOT, 'tests/e2e/worker-harness.ts')], outfile: join(dir, 'harness.js') });
  const page =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>worker harness</title><link rel="icon" href="data:,"></head><body><script type="module" src="harness.js"></script></body></html>';
  writeFileSync(join(dir, 'index.html'), page);
  writeFileSync(join(dir, '404.html'), '<!doctype html><title>404</title>');
  if (withWasm) {
    const src = join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/');
    for (const f of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'])
      cpSync(join(src, f), join(dir, 'wasm', f));
  }
}
