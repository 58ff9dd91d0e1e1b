// The `npm run experiment` command line, run as a reader would run it.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

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
