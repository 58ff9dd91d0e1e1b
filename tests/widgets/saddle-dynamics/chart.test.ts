// SaddleDynamics' two charts rendered as at build time (linkedom) on fixed inputs, compared with committed goldens;
// and what a reader reads on them: powers of ten on the ε axis, true minus signs, the width they were asked for.
import { describe, expect, it } from 'vitest';
import { dynamicsScene, type DynamicsState } from '../../../src/lib/landscape/saddle-dynamics.ts';
import { escapeChart, phaseChart } from '../../../src/components/widgets/saddle-dynamics/chart.ts';
import { expectSvgSnapshot, snapshotDocument } from '../snapshot.ts';

const ST: DynamicsState = { lambda1: 1, lambda2: -0.5, lr: 0.1, beta: 0.9, sigma: 0.01, epsilon: 1e-3, seed: 1 };
const scene = (over: Partial<DynamicsState> = {}) => dynamicsScene({ ...ST, ...over }, [1e-8, 1e-1], 5000);
const texts = (svg: Element) => [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');

describe('SaddleDynamics charts', () => {
  it('draws the phase map of the default saddle with all three paths (golden)', () => {
    const svg = phaseChart({
      document: snapshotDocument(),
      lambda1: ST.lambda1,
      lambda2: ST.lambda2,
      scene: scene(),
      labels: { stable: 'stable x₁', unstable: 'unstable x₂' },
      size: 390,
    });
    expect(svg.getAttribute('width')).toBe('390');
    expect(texts(svg).some((t) => t.startsWith('−'))).toBe(true);
    expect(texts(svg).some((t) => /-\d/.test(t))).toBe(false);
    expectSvgSnapshot(svg, 'saddle-dynamics-phase');
  });

  it('draws escape steps against ε with 10⁻ᵏ ticks, never 1e−k (golden)', () => {
    const svg = escapeChart({
      document: snapshotDocument(),
      rows: scene().sweep,
      labels: { x: 'starting distance ε', y: 'steps to escape' },
      width: 340,
    });
    expect(svg.getAttribute('width')).toBe('340');
    const labels = texts(svg);
    // At 340 px every other power is labelled (no overlap), the largest ε always.
    expect(labels.filter((t) => t.startsWith('10'))).toEqual(expect.arrayContaining(['10⁻⁷', '10⁻⁵', '10⁻³', '10⁻¹']));
    expect(labels).not.toContain('10⁻⁸');
    expect(labels.some((t) => /e[−-]\d/.test(t))).toBe(false);
    expectSvgSnapshot(svg, 'saddle-dynamics-escape');
  });

  it('draws no descent points where descent diverges (ηλ₁ = 2.5), only momentum and flow', () => {
    const svg = escapeChart({ document: snapshotDocument(), rows: scene({ lr: 2.5, sigma: 0 }).sweep, labels: { x: 'ε', y: 'k' } });
    expect(svg.querySelectorAll('[fill="#d6336c"]').length).toBe(0);
    expect(svg.querySelectorAll('[fill="#e8590c"]').length).toBeGreaterThan(0);
  });
});
