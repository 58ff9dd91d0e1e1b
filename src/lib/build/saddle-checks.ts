// Astro integration: checks UI strings and lecture frontmatter before anything builds, naming file, line and fix.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AUTHORED_LOCALES } from '../i18n/locales.ts';
import { formatUiProblems, validateUiStrings } from '../i18n/ui-schema.ts';
import { checkCommittedResults } from './results-check.ts';
import { checkLectureFrontmatter, formatFrontmatterProblems, type FrontmatterProblem } from '../content/frontmatter-check.ts';

/** Reads `src/content/i18n/<locale>.json` for every authored locale, reference (`en`) first. */
export function readUiFiles(srcDir: URL): [string, unknown][] {
  return AUTHORED_LOCALES.map((locale) => {
    const rel = `src/content/i18n/${locale}.json`;
    const url = new URL(`content/i18n/${locale}.json`, srcDir);
    if (!existsSync(url)) throw new Error(`${rel} is missing: every authored locale needs its UI strings file.`);
    try {
      return [rel, JSON.parse(readFileSync(url, 'utf8'))] as [string, unknown];
    } catch (err) {
      throw new Error(`${rel}: not valid JSON: ${(err as Error).message}`, { cause: err });
    }
  });
}

/** Checks every `src/content/lectures/<locale>/<slug>.mdx`: folder names and frontmatter. */
export function checkLectureFiles(srcDir: URL): FrontmatterProblem[] {
  const root = new URL('content/lectures/', srcDir);
  if (!existsSync(root)) return [];
  const problems: FrontmatterProblem[] = [];
  for (const dir of readdirSync(root, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const folder = `src/content/lectures/${dir.name}`;
    if (!(AUTHORED_LOCALES as readonly string[]).includes(dir.name)) {
      problems.push({
        file: folder,
        line: 1,
        message: `"${dir.name}" is not an authored locale (${AUTHORED_LOCALES.join(', ')})${dir.name === 'zh-cn' ? ': zh-cn is converted from zh-tw at build time, do not write it by hand' : ''}`,
      });
      continue;
    }
    for (const name of readdirSync(new URL(`${dir.name}/`, root))) {
      if (!name.endsWith('.mdx')) continue;
      if (!/^[a-z0-9]+(-[a-z0-9]+)*\.mdx$/.test(name)) {
        problems.push({
          file: `${folder}/${name}`,
          line: 1,
          message: 'file names are URL slugs: use lower-case letters, digits and hyphens',
        });
      }
      const source = readFileSync(fileURLToPath(new URL(`${dir.name}/${name}`, root)), 'utf8');
      problems.push(...checkLectureFrontmatter(`${folder}/${name}`, source));
    }
  }
  return problems;
}

export default function saddleChecks(): AstroIntegration {
  return {
    name: 'saddle-checks',
    hooks: {
      'astro:config:setup': async ({ config }) => {
        const ui = validateUiStrings(readUiFiles(config.srcDir));
        if (ui.length) throw new Error(`UI strings do not match across locales:\n${formatUiProblems(ui)}`);
        const lectures = checkLectureFiles(config.srcDir);
        if (lectures.length) throw new Error(`Lecture frontmatter is invalid:\n${formatFrontmatterProblems(lectures)}`);
        const results = await checkCommittedResults(config.root);
        if (results) throw new Error(`Committed experiment results cannot be used:\n${results}`);
      },
    },
  };
}
