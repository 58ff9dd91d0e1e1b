// Runs a TypeScript entry point under Node: esbuild bundles it (resolving tfjs's ES modules, which Node's
// own loader cannot: their imports have no file extensions), then Node imports the bundle.
// Usage: node scripts/run-ts.mjs scripts/experiment.ts [args…]
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args…]');
  process.exit(2);
}
const outdir = resolve('node_modules/.cache/saddle');
mkdirSync(outdir, { recursive: true });
const outfile = resolve(outdir, basename(entry).replace(/\.ts$/, '.mjs'));
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  // ES module builds first: tfjs's CommonJS builds register no gradients.
  mainFields: ['module', 'main'],
  sourcemap: 'inline',
  // playwright-core and Lighthouse find their own files (locales, audits) relative to themselves: Node loads them
  // from node_modules as they are.
  external: ['playwright-core', 'lighthouse', 'chrome-launcher'],
  logLevel: 'warning',
  // Bundled CommonJS dependencies may call require() and read __dirname (tfjs's wasm loader does): give them both.
  banner: {
    js: [
      "import { createRequire as __saddleRequire } from 'node:module';",
      "import { fileURLToPath as __saddleToPath } from 'node:url';",
      "import { dirname as __saddleDirname } from 'node:path';",
      'const require = __saddleRequire(import.meta.url);',
      'const __filename = __saddleToPath(import.meta.url);',
      'const __dirname = __saddleDirname(__filename);',
    ].join(' '),
  },
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
