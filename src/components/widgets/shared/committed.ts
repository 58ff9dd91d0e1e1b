// Build time: what a reproduction widget's provenance line says about its committed results file.
import type { ResultsFile } from '../../../lib/experiments/results-file.ts';
import { resultsPath } from '../../../lib/experiments/results-file.ts';
import type { CommittedInfo } from './reproduction-text.ts';

export function committedInfo(file: ResultsFile): CommittedInfo {
  const runs = file.provenance;
  return {
    file: resultsPath(file.experiment),
    jobs: file.indices.length,
    totalJobs: file.jobs,
    shard: file.shard ? `${file.shard.index}/${file.shard.count}` : null,
    seed: file.seed,
    commit: [...new Set(runs.map((p) => p.commit.slice(0, 7) + (p.dirty ? '+' : '')))].join(', '),
    // Shards may have run on different machines at once: the time is the longest one's, the threads their sum.
    wallSeconds: Math.max(...runs.map((p) => p.wallSeconds)),
    threads: runs.reduce((t, p) => t + p.threads, 0),
  };
}
