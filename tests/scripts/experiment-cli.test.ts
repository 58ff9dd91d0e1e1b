// The `npm run experiment` command line, run as a reader would run it.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/experiment.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('npm run experiment', { timeout: 120_000 }, () => {
  it('lists every registered experiment with a description', () => {
    const { status, stdout } = run('--list');
    expect(status).toBe(0);
    for (const id of ['toy-hessian', 'relu-regression-minima', 'mlp-spectrum'])
      expect(stdout).toMatch(new RegExp(`^${id}\\s+\\S.{20,}`, 'm'));
  });

  it('runs an experiment with settings and prints its result as JSON', () => {
    const { status, stdout } = run('toy-hessian', '--set', 'w1=1', '--set', 'w2=1', '--json');
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.classification.verdict).toBe('degenerate');
    expect(result.eigenvalues[1]).toBeCloseTo(4, 5);
  });

  it('exits with an error that names the bad field', () => {
    const { status, stderr } = run('mlp-spectrum', '--set', 'steps=-3');
    expect(status).toBe(1);
    expect(stderr).toContain('steps: steps must be at least 1');
  });
});

describe('npm run experiment: sweeps on every core, in shards, merged', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'saddle-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Four jobs of one run each: a few milliseconds of descent apiece.
  const tiny = [
    '--set',
    'ks=[6]',
    '--set',
    'nMinusK=[0,1]',
    '--set',
    'runsPerCell=3',
    '--set',
    'runsPerJob=1',
    '--set',
    'extraNeuron.perJob=1',
  ];
  const data = (path: string) => {
    const { provenance, ...rest } = JSON.parse(readFileSync(path, 'utf8'));
    return { rest, provenance };
  };

  it('writes the same file on one thread, on two, and from two shards merged', () => {
    const one = join(dir, 'one.json'),
      two = join(dir, 'two.json'),
      merged = join(dir, 'merged.json');
    expect(run('teacher-student', ...tiny, '--threads', '1', '--out', one).status).toBe(0);
    const threaded = run('teacher-student', ...tiny, '--threads', '2', '--out', two);
    expect(threaded.status, threaded.stderr).toBe(0);
    expect(threaded.stdout).toMatch(/teacher-student \(seed 1, 6 jobs, 2 thread\(s\)/);
    for (const i of [0, 1])
      expect(run('teacher-student', ...tiny, '--shard', `${i}/2`, '--threads', '1', '--out', join(dir, `s${i}.json`)).status).toBe(0);
    expect(data(join(dir, 's1.json')).rest.indices).toEqual([1, 3, 5]);
    const m = run('merge', join(dir, 's1.json'), join(dir, 's0.json'), '--out', merged);
    expect(m.status, m.stderr).toBe(0);
    expect(m.stdout).toContain('6 of 6 jobs');
    const base = data(one);
    expect(data(two).rest).toEqual(base.rest);
    expect(data(merged).rest).toEqual(base.rest);
    expect(base.rest.jobs).toBe(6);
    // Provenance: the command line, commit and wall time of each run that made the file.
    expect(base.provenance[0].command).toBe(`npm run experiment -- teacher-student ${tiny.join(' ')} --threads 1 --out ${one}`);
    expect(base.provenance[0].commit).toMatch(/^[0-9a-f]{40}$|^unknown$/);
    expect(
      data(merged)
        .provenance.map((p: { shard: string }) => p.shard)
        .sort(),
    ).toEqual(['0/2', '1/2']);
  });

  it('names the argument when a preset, a shard or a merge is wrong', () => {
    expect(run('teacher-student', '--preset', 'huge').stderr).toContain('--preset expects one of live, paper; got "huge"');
    expect(run('teacher-student', '--shard', '4/4').stderr).toContain('--shard expects i/N with N ≥ 1 and 0 ≤ i < N');
    expect(run('toy-hessian', '--preset', 'paper').stderr).toContain('experiment "toy-hessian" is not a sweep');
    const m = run('merge', join(dir, 's0.json'), '--out', join(dir, 'x.json'));
    expect(m.status).toBe(1);
    expect(m.stderr).toContain('merge: shard(s) 1/2 missing');
  });
});
