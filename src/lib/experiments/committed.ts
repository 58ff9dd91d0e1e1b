// The committed results file of a sweep, read and checked once per build (a bad file fails the build, naming itself
// and the command that remakes it). Build-time only: it reads the file system.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { experiments } from './index.ts';
import { isSweep, type Sweep } from './sweep.ts';
import { checkResults, resultsPath, type ResultsFile } from './results-file.ts';
import type { ExperimentId } from './index.ts';

const cache = new Map<string, ResultsFile>();

/** The sweep registered under `id` (an error if `id` is not a sweep). */
export function sweepById(id: ExperimentId): Sweep {
  const e = experiments[id] as unknown as Sweep;
  if (!isSweep(e)) throw new Error(`experiment "${id}" is not a sweep, so it has no committed results`);
  return e;
}

/**
 * `src/content/results/<id>.json`, checked against the sweep's current preset, version and schemas. The project root
 * is the working directory, as it is for `astro build` and for Vitest.
 */
export function committedResults<Sum = unknown, R = unknown>(id: ExperimentId, root = process.cwd()): ResultsFile<R, Sum> {
  const key = `${root}\0${id}`;
  const hit = cache.get(key);
  if (hit) return hit as ResultsFile<R, Sum>;
  const path = join(root, resultsPath(id));
  const file = checkResults(sweepById(id), existsSync(path) ? readFileSync(path, 'utf8') : undefined);
  cache.set(key, file);
  return file as ResultsFile<R, Sum>;
}
