// The build refuses a committed results file that is missing, malformed or stale, before building any page,
// naming the file and the command that remakes it.
import { afterEach, describe, expect, it } from 'vitest';
import { buildFixture, type FixtureBuild } from './fixture.ts';

let build: FixtureBuild | undefined;
afterEach(() => build?.cleanup());

const FILE = 'src/content/results/teacher-student.json';
const COMMAND = `npm run experiment -- teacher-student --preset paper --shard 0/4 --out ${FILE}`;

describe('building with bad committed results', { timeout: 180_000 }, () => {
  it('fails on a missing file', () => {
    build = buildFixture({ [FILE]: null });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain(`${FILE}: the committed results of experiment "teacher-student" are missing`);
    expect(build.output).toContain(`Remake it with: ${COMMAND}`);
  });

  it('fails on a file that is not JSON', () => {
    build = buildFixture({ [FILE]: (text) => text.slice(0, 200) });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain(`${FILE}: not valid JSON`);
    expect(build.output).toContain(`Remake it with: ${COMMAND}`);
  });

  it('fails on a file made by an older version of the experiment', () => {
    build = buildFixture({ [FILE]: (text) => text.replace(/"version": (\d+)/, (_, v: string) => `"version": ${Number(v) - 1}`) });
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(new RegExp(`${FILE}: stale: made by version \\d+ of "teacher-student", and the code is at version \\d+`));
    expect(build.output).toContain(`Remake it with: ${COMMAND}`);
  });
});
