// Build-time first paints: run an experiment once per distinct (id, config, seed), shared by every locale's page.
import { run, type ConfigOf, type ExperimentId, type ResultOf } from './index.ts';

const cache = new Map<string, Promise<unknown>>();

/**
 * The result of `id` at `config` and `seed`, through the same validation and leak check as every other run, computed
 * once per build however many pages (three locales, several widgets) ask for it. A failure is not cached.
 */
export function precompute<K extends ExperimentId>(id: K, config: ConfigOf<K>, seed: number): Promise<ResultOf<K>> {
  const key = JSON.stringify([id, config, seed]);
  let out = cache.get(key) as Promise<ResultOf<K>> | undefined;
  if (!out) {
    out = run(id, config, seed);
    cache.set(key, out);
    out.catch(() => cache.delete(key));
  }
  return out;
}
