// SurfaceExplorer's readout: the Hessian typeset as a 2×2 matrix (it used to wrap mid-matrix as one line of text),
// numbers with a true minus, and the valley's legend line in both languages.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { readoutRows, valleyLabel } from '../../../src/components/widgets/surface-explorer/view.ts';
import { analyzePoint } from '../../../src/lib/landscape/surface-analysis.ts';
import { SURFACES } from '../../../src/lib/landscape/surfaces.ts';
import en from '../../../src/content/i18n/en.json' with { type: 'json' };
import zhTw from '../../../src/content/i18n/zh-tw.json' with { type: 'json' };

const rows = (point: [number, number]) => {
  const { document } = parseHTML(`<table><tbody>${readoutRows(en, analyzePoint(SURFACES['two-weight'], point))}</tbody></table>`);
  return document;
};

describe('the SurfaceExplorer readout', () => {
  it('typesets H at the origin as the matrix [[0, −2], [−2, 0]], row by row', () => {
    const matrix = rows([0, 0]).querySelector('.row-hessian td table.widget-matrix')!;
    expect(matrix.getAttribute('aria-label')).toBe('Hessian H');
    const cells = [...matrix.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(cells).toEqual([
      ['0.0000', '−2.0000'],
      ['−2.0000', '0.0000'],
    ]);
  });

  it('shows H on the valley floor at (1, 1) as [[2, 2], [2, 2]], with eigenvalues 0 and 4', () => {
    const doc = rows([1, 1]);
    const cells = [...doc.querySelectorAll('.row-hessian td')].map((td) => td.textContent);
    expect(cells.slice(1)).toEqual(['2.0000', '2.0000', '2.0000', '2.0000']);
    expect(doc.querySelector('.row-eigen-1 td')!.textContent).toMatch(/^0\.0000, /);
    expect(doc.querySelector('.row-eigen-2 td')!.textContent).toMatch(/^4\.0000, /);
  });

  it('names the valley floor by its equation in both languages', () => {
    const equation = SURFACES['two-weight'].valley!.equation;
    expect(valleyLabel(en, equation)).toBe('valley floor w₁w₂\u00a0=\u00a01: every point on it is a minimum, L\u00a0=\u00a00');
    expect(valleyLabel(zhTw, equation)).toBe('谷底 w₁w₂\u00a0=\u00a01：曲線上每一點都是最小值（L\u00a0=\u00a00）');
  });
});
