// The import boundary: code that runs on the page (each widget's client and the loader) never reaches zod or tfjs,
// not even through a chain of imports. Those load only in the worker (tfjs) and at build time (zod).
import { describe, expect, it } from 'vitest';
import { build, type Metafile } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const WIDGETS = join(ROOT, 'src/components/widgets');
const FORBIDDEN = /(^|\/)node_modules\/(zod|@tensorflow\/[^/]+)\//;

/** Every page-code entry: the loader and each widget folder's client.ts. */
const entries = [
  join(WIDGETS, 'loader.ts'),
  ...readdirSync(WIDGETS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'shared')
    .map((d) => join(WIDGETS, d.name, 'client.ts')),
];

/** The inputs esbuild bundles for `entry`, as it would for the browser (the worker is its own bundle). */
async function inputsOf(entry: string): Promise<Metafile['inputs']> {
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    absWorkingDir: ROOT,
    plugins: [
      {
        // `new URL('…/worker.ts', import.meta.url)` starts the worker; esbuild does not follow it, but should a
        // version start to, the worker's own imports (tfjs) must not count against the page.
        name: 'worker-is-its-own-bundle',
        setup(b) {
          b.onResolve({ filter: /runtime\/worker\.ts$/ }, (args) => ({ path: args.path, external: true }));
        },
      },
    ],
  });
  return metafile.inputs;
}

/** The import chain from `entry` to the first forbidden input (breadth first, so the shortest), or null. */
function forbiddenChain(inputs: Metafile['inputs'], entry: string): string[] | null {
  const start = relative(ROOT, entry);
  const from = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift()!;
    if (FORBIDDEN.test(file)) {
      const chain = [file];
      for (let f = from.get(file); f; f = from.get(f)) chain.unshift(f);
      return chain;
    }
    for (const imp of inputs[file]?.imports ?? []) {
      if (imp.external || from.has(imp.path)) continue;
      from.set(imp.path, file);
      queue.push(imp.path);
    }
  }
  return null;
}

describe('page code never imports zod or tfjs, even transitively', { timeout: 60_000 }, () => {
  it('finds the loader and a client for every widget folder', () => {
    expect(entries.length).toBeGreaterThanOrEqual(7);
  });

  for (const entry of entries) {
    it(relative(WIDGETS, entry), async () => {
      const inputs = await inputsOf(entry);
      expect(Object.keys(inputs)).toContain(relative(ROOT, entry));
      const chain = forbiddenChain(inputs, entry);
      expect(chain, chain ? `reaches ${chain.at(-1)} through ${chain.join(' → ')}` : '').toBeNull();
    });
  }

  it('would name the chain: a module that imports zod through the registry is caught', async () => {
    const registry = join(ROOT, 'src/lib/experiments/index.ts');
    const chain = forbiddenChain(await inputsOf(registry), registry);
    expect(chain?.[0]).toBe('src/lib/experiments/index.ts');
    expect(chain?.at(-1)).toMatch(FORBIDDEN);
    expect(chain!.length).toBeGreaterThan(2);
  });
});
