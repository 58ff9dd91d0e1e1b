// Every widget's downloads in a real browser: its data as JSON and CSV and its figure as SVG and PNG, each a valid file.
import { describe, it } from 'vitest';
import { expectDownloads, openPage, useSite, waitForWidget } from './harness.ts';

const site = useSite();

const WIDGETS = [
  { lecture: 'taylor-hessian', element: 'saddle-surface-explorer', file: 'saddle-surface-two-weight' },
  { lecture: 'taylor-hessian', element: '#widget-taylor saddle-taylor-approximation', file: 'saddle-taylor-double-well' },
  { lecture: 'saddle-dynamics', element: 'saddle-dynamics', file: 'saddle-dynamics' },
  { lecture: 'saddle-or-minimum', element: 'saddle-dimensions', file: 'saddle-dims' },
  { lecture: 'saddle-or-minimum', element: 'saddle-hessian-spectrum', file: 'saddle-spectrum' },
  { lecture: 'deep-local-minima', element: 'saddle-local-minimum-probe', file: 'saddle-probe' },
];

describe.each(WIDGETS)('$element', ({ lecture, element, file }) => {
  it('offers its data (JSON, CSV) and figure (SVG, PNG) for download', async () => {
    const { page } = await openPage(site, `/en/lectures/${lecture}/`);
    await waitForWidget(page, element);
    await expectDownloads(page, element, file);
    await page.close();
  });
});
