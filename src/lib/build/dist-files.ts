// The HTML files of a built site, for the build steps and checks that read or rewrite every page.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.html` file under `dir`, at any depth. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}
