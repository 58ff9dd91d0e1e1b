// Builds a copy of the project with one change, so a test can see what the build says about bad input.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;

export interface FixtureBuild {
  status: number;
  output: string;
  dir: string;
  read: (path: string) => string;
  cleanup: () => void;
}

/**
 * Copies src/, public/ and the config into a temp dir (node_modules linked), applies `files`
 * (path → content, a function of the current content, or null to delete the file), and runs `astro build` there,
 * with `env` added to the environment (`{ SADDLE_BASE: '/course/' }`).
 */
export function buildFixture(
  files: Record<string, string | null | ((current: string) => string)>,
  env: Record<string, string> = {},
): FixtureBuild {
  const dir = mkdtempSync(join(tmpdir(), 'saddle-fixture-'));
  for (const name of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    if (content === null) {
      rmSync(target);
      continue;
    }
    writeFileSync(target, typeof content === 'function' ? content(readFileSync(target, 'utf8')) : content);
  }
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    timeout: 180_000,
  });
  return {
    status: r.status ?? 1,
    // Strip colour codes so messages can be matched as a reader sees them.
    output: `${r.stdout}\n${r.stderr}`.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), ''),
    dir,
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function lecture(frontmatter: string, body = '\nSome text.\n'): string {
  return `---\n${frontmatter.trim()}\n---\n${body}`;
}
