// Joins the shard files of one sweep into the file a single run would have written (provenance aside).
import type { z } from 'zod';
import type { SweepDefinition } from './sweep.ts';
import { assembleResults, shardText, type ResultsFile } from './results-file.ts';

type AnyDefinition = SweepDefinition<z.ZodType, unknown, unknown, unknown>;

/**
 * Checks that the files are shards i/N (one N, each i once) of the same experiment, version, preset, seed and config,
 * then joins their jobs and recomputes the summary from all of them. Every refusal names the file at fault.
 */
export function mergeShards(files: { path: string; file: ResultsFile }[], definitionOf: (id: string) => AnyDefinition): ResultsFile {
  if (files.length === 0) throw new Error('merge: no files given');
  const [first, ...rest] = files;
  const f0 = first!.file;
  const same: (keyof ResultsFile)[] = ['format', 'experiment', 'version', 'preset', 'seed', 'config', 'jobs'];
  for (const { path, file } of rest) {
    for (const key of same) {
      if (JSON.stringify(file[key]) !== JSON.stringify(f0[key]))
        throw new Error(`merge: ${path} differs from ${first!.path} in "${key}": they are not shards of one run`);
    }
  }
  const count = f0.shard?.count;
  const seen = new Map<number, string>();
  for (const { path, file } of files) {
    if (!file.shard) throw new Error(`merge: ${path} holds every job already (it is not a shard)`);
    if (file.shard.count !== count)
      throw new Error(`merge: ${path} is shard ${shardText(file.shard)}, but ${first!.path} is one of ${count}`);
    const other = seen.get(file.shard.index);
    if (other) throw new Error(`merge: ${path} and ${other} are both shard ${shardText(file.shard)}`);
    seen.set(file.shard.index, path);
    if (file.results.length !== file.indices.length)
      throw new Error(`merge: ${path} has ${file.results.length} results for ${file.indices.length} jobs`);
  }
  const missing = Array.from({ length: count! }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length) throw new Error(`merge: shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')} missing`);
  const def = definitionOf(f0.experiment);
  if (def.version !== f0.version)
    throw new Error(`merge: the files were made by version ${f0.version} of "${f0.experiment}"; the code is at version ${def.version}`);
  const done = files.flatMap(({ file }) => file.indices.map((index, i) => ({ index, result: file.results[i] })));
  return assembleResults(
    def,
    { preset: f0.preset, seed: f0.seed, config: f0.config, shard: null },
    done,
    files.flatMap(({ file }) => file.provenance),
  );
}
