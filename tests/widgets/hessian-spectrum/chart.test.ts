// HessianSpectrum's two charts rendered as at build time and compared with committed goldens; their tick labels read
// as powers of ten with true minus signs (10⁻², −10⁻¹), never "1e−2".
import { describe, expect, it } from 'vitest';
import { spectrumBins } from '../../../src/lib/landscape/spectrum-bins.ts';
import { lossChart, signedPowerTick, spectrumChart } from '../../../src/components/widgets/hessian-spectrum/chart.ts';
import { expectSvgSnapshot, snapshotDocument } from '../snapshot.ts';

/** A loss curve falling from 0.5 over three decades with one Adam-like spike at step 300. */
const history = Array.from({ length: 201 }, (_, i) => {
  const step = 2 * i;
  return { step, loss: 0.5 * Math.exp(-step / 60) + 4e-4 + (step >= 300 && step <= 310 ? 3e-3 : 0) };
});
/** A spectrum like the trained network's: a few large positive, a bulk near 0, two small negative eigenvalues. */
const eigenvalues = [-0.02, -3e-3, -1e-6, 2e-7, 5e-6, 8e-5, 4e-4, 2e-3, 0.03, 0.4, 1.2, 10.8];
const zeroTol = 1e-3;
const texts = (svg: Element) => [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');

describe('HessianSpectrum charts', () => {
  it('draws the loss curve on a log axis labelled in powers of ten, with the spectrum step marked', () => {
    const svg = lossChart({
      document: snapshotDocument(),
      width: 340,
      history,
      spectrumStep: 300,
      labels: { x: 'training step', y: 'loss (log scale)', spectrum: 'spectrum' },
    });
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['10⁻³', '10⁻²', '10⁻¹', '1']));
    expect(t.join(' ')).not.toMatch(/e[−-]\d/);
    expect(svg.getAttribute('width')).toBe('340');
    expectSvgSnapshot(svg, 'hessian-spectrum-loss');
  });

  it('draws the eigenvalue histogram on a symmetric log axis with signed powers of ten and counts over the bars', () => {
    const svg = spectrumChart({
      document: snapshotDocument(),
      width: 500,
      bins: spectrumBins(eigenvalues, zeroTol),
      zeroTol,
      labels: { x: 'eigenvalue λ', y: 'number of eigenvalues' },
    });
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['0', '10⁻¹', '10', '−10⁻²']));
    expect(t.join(' ')).not.toMatch(/-|e[−-]\d/);
    expectSvgSnapshot(svg, 'hessian-spectrum-histogram');
  });

  it('writes symlog ticks as they are read', () => {
    expect([-0.01, 0, 1e-3, 10, 1].map(signedPowerTick)).toEqual(['−10⁻²', '0', '10⁻³', '10', '1']);
  });
});
