// Every committed results file: valid for its sweep's current preset and version, and reproducible: a slice of its
// jobs re-run here gives exactly the numbers in the file (same seed, same job index, bit for bit).
import { describe, expect, it } from 'vitest';
import { experiments, type ExperimentId } from '../../../src/lib/experiments/index.ts';
import { isSweep, runJobAt, type Sweep } from '../../../src/lib/experiments/sweep.ts';
import { committedResults } from '../../../src/lib/experiments/committed.ts';

const SWEEPS = (Object.keys(experiments) as ExperimentId[]).filter((id) => isSweep(experiments[id] as never));

describe('committed results', () => {
  it('include the reproductions registered so far (each sweep below must have its file)', () => {
    expect(SWEEPS).toEqual(expect.arrayContaining(['teacher-student', 'xor-jellyfish', 'deep-linear', 'minimum-ratio']));
  });

  describe.each(SWEEPS)('%s', (id) => {
    it('passes the build check and re-runs its first and last jobs exactly', { timeout: 300_000 }, async () => {
      const file = committedResults(id);
      const sweep = experiments[id] as unknown as Sweep;
      const jobs = sweep.sweep.jobs(file.config);
      for (const position of [0, file.indices.length - 1]) {
        const index = file.indices[position]!;
        const again = await runJobAt(sweep.sweep, file.config, jobs, index, file.seed);
        expect(JSON.parse(JSON.stringify(again)), `job ${index}`).toEqual(file.results[position]);
      }
    });
  });
});
