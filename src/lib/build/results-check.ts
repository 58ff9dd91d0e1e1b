// The build's check of the committed results files, before any page is built: a missing, malformed or stale file
// fails at once, naming the file and the command that remakes it. The check needs the experiment registry (zod and
// tfjs), which Node cannot import as it is, so esbuild bundles the check's entry and a child Node runs it.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export async function checkCommittedResults(root: URL): Promise<string | null> {
  const rootPath = fileURLToPath(root);
  const outdir = join(rootPath, 'node_modules/.cache/saddle');
  mkdirSync(outdir, { recursive: true });
  // One file per build process: fixture builds share node_modules and may run at once.
  const outfile = join(outdir, `results-check-${process.pid}.mjs`);
  await build({
    entryPoints: [join(rootPath, 'src/lib/build/results-check-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    logLevel: 'error',
    banner: { js: "import { createRequire as __saddleRequire } from 'node:module'; const require = __saddleRequire(import.meta.url);" },
  });
  const r = spawnSync(process.execPath, [outfile], { cwd: rootPath, encoding: 'utf8' });
  rmSync(outfile, { force: true });
  if (r.status === 0) return null;
  return (r.stderr || r.stdout || `the results check exited with code ${r.status}`).trim();
}
