// Words every reproduction widget shares, in the page's language: the committed run's provenance, durations,
// live progress. Page code (no zod, no tfjs): the element imports it too.
import { fill } from './format.ts';

/** What the page says about the committed results file its first paint comes from. */
export interface CommittedInfo {
  file: string;
  /** Jobs in the file, and in the whole paper-scale sweep. */
  jobs: number;
  totalJobs: number;
  shard: string | null;
  seed: number;
  /** Commit the file was made at (shortened), and whether the tree had uncommitted changes. */
  commit: string;
  wallSeconds: number;
  threads: number;
}

/** "4.2 s", "3.5 min", "2.1 h" (or "4.2 秒", …) from the strings' units. */
export function duration(s: Record<string, string>, seconds: number): string {
  const t = (key: string, value: string) => fill(s[`widget.repro.${key}`] ?? `{value} ${key}`, { value });
  if (seconds < 90) return t('seconds', seconds < 10 ? seconds.toFixed(1) : String(Math.round(seconds)));
  if (seconds < 5400) return t('minutes', (seconds / 60).toFixed(1));
  return t('hours', (seconds / 3600).toFixed(1));
}

/** The sentence under the table: which file, how much of the paper's scale, seed, commit, time, threads. */
export function provenanceLine(s: Record<string, string>, c: CommittedInfo): string {
  const coverage = c.shard
    ? fill(s['widget.repro.coverageShard']!, { shard: c.shard, jobs: c.jobs, total: c.totalJobs })
    : fill(s['widget.repro.coverageAll']!, { total: c.totalJobs });
  return fill(s['widget.repro.provenance']!, {
    file: c.file,
    coverage,
    seed: c.seed,
    commit: c.commit,
    time: duration(s, c.wallSeconds),
    threads: c.threads,
  });
}

/**
 * "12 of 48 jobs · 3.2 s elapsed · about 8 s left" while a live run goes on; the time left is extrapolated from the
 * fraction done (which counts progress inside the current job too), once there is something to extrapolate from.
 */
export function progressText(s: Record<string, string>, done: number, total: number, fraction: number, elapsedSeconds: number): string {
  const left =
    fraction > 0.02 && fraction < 1 && elapsedSeconds > 0.5
      ? fill(s['widget.repro.left']!, { time: duration(s, (elapsedSeconds * (1 - fraction)) / fraction) })
      : '';
  return fill(s['widget.repro.progress']!, { done, total, elapsed: duration(s, elapsedSeconds), left });
}
