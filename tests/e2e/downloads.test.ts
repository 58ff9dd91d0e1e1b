// Every widget's downloads in a real browser: its data as JSON and CSV and its figure as SVG and PNG, each a valid file.
import { describe, it } from 'vitest';
import { expectDownloads, openPage, useSite, waitForWidget } from './harness.ts';
import { WIDGETS } from './widget-list.ts';

const site = useSite();

describe.each(WIDGETS)('$element', ({ lecture, element, file, settled }) => {
  it('offers its data (JSON, CSV) and figure (SVG, PNG) for download', async () => {
    const { page } = await openPage(site, `/en/lectures/${lecture}/`);
    await waitForWidget(page, element);
    await page.waitForSelector(`${element}${settled}`);
    await expectDownloads(page, element, file);
    await page.close();
  });
});
