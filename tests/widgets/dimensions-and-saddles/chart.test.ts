// DimensionsAndSaddles' charts rendered through linkedom on fixed inputs and compared with committed SVG goldens.
import { describe, expect, it } from 'vitest';
import { expectSvgSnapshot, snapshotDocument } from '../snapshot.ts';
import { drawSliceLine, goeChart, sliceCurveChart, sliceMapChart } from '../../../src/components/widgets/dimensions-and-saddles/chart.ts';
import { sliceScene } from '../../../src/lib/landscape/slices.ts';
import { goeStats, type GoeCount } from '../../../src/lib/experiments/goe-stats.ts';

/** Counts of 2000 matrices per n (fixed, so the golden does not depend on the sampler): none positive definite from n = 6. */
const COUNTS: GoeCount[] = [1000, 291, 52, 6, 1, 0, 0, 0].map((k, i) => ({ n: i + 1, samples: 2000, positiveDefinite: k }));

describe('dimensions-and-saddles charts', () => {
  it('draws the contour map with the flat directions and the slicing line at 30°', () => {
    const document = snapshotDocument();
    const scene = sliceScene(1, 0.25, 30);
    const svg = sliceMapChart({ document, a: 1, b: 0.25, flat: [-scene.cone.halfAngle, scene.cone.halfAngle], size: 360 });
    drawSliceLine(document, svg, 30);
    expect(svg.querySelectorAll('g.dims-slice line')).toHaveLength(2);
    expectSvgSnapshot(svg, 'dimensions-and-saddles-map');
  });

  it('draws the slice between the steepest slices, with true minus signs on its axis', () => {
    const document = snapshotDocument();
    const svg = sliceCurveChart({ document, scene: sliceScene(1, 0.25, 75), width: 360, labels: { x: 't', y: 'L(t·u)' } });
    const ticks = [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(ticks.some((t) => t.startsWith('−'))).toBe(true);
    expect(ticks.some((t) => t.includes('-'))).toBe(false);
    expectSvgSnapshot(svg, 'dimensions-and-saddles-slice');
  });

  it('labels the log axis in powers of ten (10⁻², not 1e−2) and draws arrows where none was found', () => {
    const document = snapshotDocument();
    const svg = goeChart({ document, stats: goeStats(COUNTS), maxN: 8, width: 360, labels: { x: 'n', y: 'fraction' } });
    const ticks = [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(ticks).toContain('10⁻²');
    expect(ticks.some((t) => /e[−-]/.test(t))).toBe(false);
    expectSvgSnapshot(svg, 'dimensions-and-saddles-goe');
  });
});
