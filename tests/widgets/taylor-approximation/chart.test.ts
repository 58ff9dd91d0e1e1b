// TaylorApproximation's chart as SVG: golden snapshots of the lectures' two figures, true minus signs, 12 px text.
import { describe, expect, it } from 'vitest';
import { expectSvgSnapshot, snapshotDocument } from '../snapshot.ts';
import { chartHeight, taylorChart } from '../../../src/components/widgets/taylor-approximation/chart.ts';
import { lineOf } from '../../../src/components/widgets/taylor-approximation/model.ts';
import { props } from '../../../src/components/widgets/taylor-approximation/props.ts';
import { taylorAt, taylorCurves, usefulRadius } from '../../../src/lib/landscape/taylor.ts';

function chart(input: Record<string, unknown>, width = 640) {
  const p = props.parse(input);
  const { line } = lineOf(p, p.angle);
  return taylorChart({
    document: snapshotDocument(),
    curves: taylorCurves(line, p.radius),
    current: taylorAt(line, p.distance),
    useful: usefulRadius(line, p.radius, p.tolerance),
    xLabel: 'distance s',
    yLabel: 'loss',
    width,
    height: chartHeight(width),
  });
}

describe('the TaylorApproximation chart', () => {
  it('matches its golden for the double well at s = 0.5 (the lecture’s first figure)', () => {
    expectSvgSnapshot(chart({ function: 'double-well', point: 1, distance: 0.5 }), 'taylor-approximation-double-well');
  });

  it('matches its golden for the two-weight loss along the diagonal, drawn at a phone’s 326 px', () => {
    const svg = chart({ mode: '2d', surface: 'two-weight', point: [0, 0], angle: 45, radius: 1.5, distance: 1 }, 326);
    expect(svg.getAttribute('width')).toBe('326');
    expect(svg.getAttribute('height')).toBe('260');
    expectSvgSnapshot(svg, 'taylor-approximation-two-weight-326');
  });

  it('prints negative ticks with a true minus and its text at 12 px', () => {
    const svg = chart({ mode: '2d', surface: 'two-weight', point: [0, 0], angle: 45, radius: 1.5, distance: 1 });
    const ticks = [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(ticks).toContain('−1');
    expect(ticks.some((t) => /-/.test(t))).toBe(false);
    expect(svg.getAttribute('style') ?? '').toMatch(/font-size:\s*12px/);
  });
});
