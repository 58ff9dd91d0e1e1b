// Figure snapshots: a chart's SVG, with numbers rounded, compared with a committed golden file (as Observable Plot's
// own tests do), so a change in what a reader sees fails a test until the golden is deliberately updated.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { expect } from 'vitest';

const GOLDEN = new URL('./__snapshots__/', import.meta.url).pathname;

/** A linkedom document in which Plot builds SVG, as at build time. */
export const snapshotDocument = (): Document => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

/** Rounds every decimal number in the markup to `digits` places (float noise must not fail a snapshot). */
export function normalizeSvg(svg: string, digits = 2): string {
  return svg
    .replace(/-?\d+\.\d+(e[-+]?\d+)?/g, (m) => String(Number(Number(m).toFixed(digits))))
    .replace(/class="plot-[a-z0-9]+(-\w+)?"/g, 'class="plot"')
    .replace(/(><)/g, '>\n<');
}

/**
 * Compares `svg` with `tests/widgets/__snapshots__/<name>.svg`. A missing golden is written (and the test fails on
 * CI, where goldens must be committed); UPDATE_SNAPSHOTS=1 rewrites it after a deliberate change.
 */
export function expectSvgSnapshot(svg: Element | string, name: string): void {
  const actual = normalizeSvg(typeof svg === 'string' ? svg : svg.outerHTML);
  const file = join(GOLDEN, `${name}.svg`);
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(file)) {
    if (process.env.CI && !existsSync(file)) throw new Error(`no golden for ${name}: run the tests locally and commit ${file}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(actual, `${name}.svg differs from its golden (UPDATE_SNAPSHOTS=1 after a deliberate change)`).toBe(readFileSync(file, 'utf8'));
}
