// Every widget of the manifest with a lecture of the built site that shows it: its element, and the start of its
// download file names (`saddle-<id>`). Derived, not listed: a widget added to the manifest and used in a lecture is
// covered by the shared browser suites (downloads, keyboard charts) at once.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WIDGETS as NAMES, widgetNames, type WidgetName } from '../../src/components/widgets/manifest.ts';
import { DIST } from './harness.ts';

export interface WidgetUnderTest {
  name: WidgetName;
  /** Slug of the first English lecture that embeds it. */
  lecture: string;
  /** CSS selector of its first element on that page (its custom element). */
  element: string;
  /** Download file names start with this. */
  file: string;
  /** Matches the element once its first computation is in (worker widgets set data-busy while a run is pending). */
  settled: string;
  /** A reproduction of a published experiment (the Reproduction frame: Run again, Cancel, progress). */
  reproduction: boolean;
}

function lectureOf(name: WidgetName): string | undefined {
  const dir = join(DIST, 'en', 'lectures');
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .sort()
    .find(
      (slug) =>
        existsSync(join(dir, slug, 'index.html')) &&
        readFileSync(join(dir, slug, 'index.html'), 'utf8').includes(`data-saddle-widget="${name}"`),
    );
}

export const WIDGETS: WidgetUnderTest[] = NAMES.flatMap((name) => {
  const lecture = lectureOf(name);
  const { tag, id } = widgetNames(name);
  if (!lecture) return [];
  const html = readFileSync(join(DIST, 'en', 'lectures', lecture, 'index.html'), 'utf8');
  const reproduction = new RegExp(`class="widget widget-repro[^"]*" id="widget-${id}"`).test(html);
  return [{ name, lecture, element: tag, file: `saddle-${id}`, settled: ':not([data-busy])', reproduction }];
});
