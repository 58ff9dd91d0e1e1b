// `npm test`: makes sure Debian's Chromium and a CJK font are there, builds the site, then runs every test (unit, build, browser).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

// Without a CJK font headless Chromium draws every Chinese character as a box; the phone screenshots test for it.
const cjkFont = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

function ensureChromium() {
  const missing = [...(existsSync(chromium) ? [] : ['chromium']), ...(existsSync(cjkFont) ? [] : ['fonts-noto-cjk'])];
  if (!missing.length) return;
  console.log(`Installing Debian's ${missing.join(' and ')} (not found on this machine).`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (...args) =>
    run(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...args] : args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (apt('update') !== 0 || apt('install', '-y', ...missing) !== 0 || !existsSync(chromium) || !existsSync(cjkFont)) {
    console.error(`Could not install ${missing.join(' and ')}. Install with: apt-get update && apt-get install -y chromium fonts-noto-cjk`);
    process.exit(1);
  }
}

ensureChromium();

// Style first: Prettier's formatting and ESLint's rules (typescript-eslint) hold for the whole codebase.
if (run(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', '.']) !== 0) {
  console.error('Files above are not formatted: run "npx prettier --write ." and commit the result.');
  console.log('\nTests: 0 passed, 1 failed');
  process.exit(1);
}
if (run(process.execPath, ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', '.']) !== 0) {
  console.error('ESLint found problems (above).');
  console.log('\nTests: 0 passed, 1 failed');
  process.exit(1);
}

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const t0 = performance.now();
if (run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { env }) !== 0) {
  console.error('The site did not build; the browser tests need it.');
  process.exit(1);
}
console.log(`Site built in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);

// Types are checked after the build, which writes the astro:content types into .astro/.
if (run(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']) !== 0) {
  console.error('Type errors (above) must be fixed first.');
  console.log('\nTests: 0 passed, 1 failed');
  process.exit(1);
}

mkdirSync('test-results', { recursive: true });
const status = run(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/vitest.json',
    ...process.argv.slice(2),
  ],
  { env },
);
try {
  const r = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
} catch {
  console.log('\nTests: 0 passed, 1 failed');
}
process.exit(status);
