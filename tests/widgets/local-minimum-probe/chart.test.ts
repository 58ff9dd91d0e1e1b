// LocalMinimumProbe's charts on fixed inputs, rendered as at build time and compared with committed SVG goldens;
// and the tick and axis rules that keep their text readable (true minus, 10ᵏ, no runs of zeros).
import { describe, expect, it } from 'vitest';
import { descentChart, fitChart, lossAxis, probeChart, scaledTick } from '../../../src/components/widgets/local-minimum-probe/chart.ts';
import { probeBins } from '../../../src/components/widgets/local-minimum-probe/model.ts';
import { D1_BETTER_POINT, D1_LOCAL_MINIMUM, D1_POINTS } from '../../../src/lib/data/swirszcz-regression.ts';
import { probeFixture } from './probe-fixture.ts';
import { expectSvgSnapshot, snapshotDocument } from '../snapshot.ts';

const tickTexts = (svg: Element, axis: 'x' | 'y') =>
  [...svg.querySelectorAll(`g[data-mark="${axis}-axis tick label"] text`)].map((t) => t.textContent ?? '');

describe('LocalMinimumProbe charts', () => {
  it('draws D1 with the fit at the published local minimum, its hinge and the better point dashed', () => {
    const svg = fitChart({
      document: snapshotDocument(),
      points: D1_POINTS,
      theta: D1_LOCAL_MINIMUM,
      reference: D1_BETTER_POINT,
      labels: { x: 'x', y: 'y' },
      width: 390,
    });
    expect(tickTexts(svg, 'y')).toContain('−4');
    expect(tickTexts(svg, 'x').some((t) => t.includes('-'))).toBe(false);
    expectSvgSnapshot(svg, 'local-minimum-probe-fit');
  });

  it('draws the probe histogram of 1000 steps at the published minimum, with 10ᵏ-style ticks', () => {
    const probe = probeFixture(D1_LOCAL_MINIMUM, 0.01, 1000);
    const svg = probeChart({ document: snapshotDocument(), bins: probeBins(probe.deltas), labels: { x: 'ΔL', y: 'probes' }, width: 390 });
    for (const t of tickTexts(svg, 'x')) expect(t).toMatch(/^(0|−?\d(\.\d)?(×)?10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/);
    expectSvgSnapshot(svg, 'local-minimum-probe-probe');
  });

  it('draws a descent from 18 to 14 on a linear loss axis with short ticks and both reference losses', () => {
    // A fixed path shaped like descent from (−1, 0, 1, 0) at η = 0.01 (the golden does not follow the optimiser's code).
    const path = [
      { step: 0, loss: 18 },
      { step: 10, loss: 15.2 },
      { step: 25, loss: 14.05 },
      { step: 100, loss: 14.0001 },
      { step: 221, loss: 14 },
    ];
    const svg = descentChart({
      document: snapshotDocument(),
      path,
      references: [18, 14],
      labels: { x: 'step', y: 'loss L', yLog: 'loss L (log)' },
      width: 390,
    });
    for (const t of tickTexts(svg, 'y')) expect(t).not.toMatch(/\.\d*0{3}/);
    expectSvgSnapshot(svg, 'local-minimum-probe-descent');
  });

  it('draws a descent whose loss spans decades on a log axis labelled 10ᵏ', () => {
    const path = [0, 10, 20, 30].map((step, i) => ({ step, loss: 2000 / 10 ** i + 14 }));
    const svg = descentChart({
      document: snapshotDocument(),
      path,
      references: [18, 14],
      labels: { x: 'step', y: 'loss L', yLog: 'loss L (log)' },
      width: 390,
    });
    const ys = tickTexts(svg, 'y').filter((t) => t !== '');
    expect(ys).toEqual(['10²', '10³']);
    expect(svg.textContent).toContain('loss L (log)');
    expectSvgSnapshot(svg, 'local-minimum-probe-descent-log');
  });
});

describe('loss axis and ticks', () => {
  it('uses a log axis only when the loss spans a decade', () => {
    expect(lossAxis([2014, 14]).type).toBe('log');
    expect(lossAxis([18, 14]).type).toBe('linear');
  });

  it('never prints a run of zeros for a descent that barely moves (18 → 18 − 10⁻⁷)', () => {
    const axis = lossAxis([18, 18 - 1e-7]);
    const [lo, hi] = axis.domain;
    const ticks = [0, 1, 2, 3, 4].map((k) => axis.tickFormat(lo + ((hi - lo) * k) / 4));
    for (const t of ticks) expect(t).not.toMatch(/0{4}/);
    expect(ticks.every((t) => Number(t) > 17.9 && Number(t) < 18.1)).toBe(true);
  });

  it('writes scaled ticks with a true minus and a written power of ten', () => {
    expect(scaledTick(0)).toBe('0');
    expect(scaledTick(0.002)).toBe('2×10⁻³');
    expect(scaledTick(-1.5e-5)).toBe('−1.5×10⁻⁵');
    expect(scaledTick(0.001)).toBe('10⁻³');
    expect(scaledTick(-0.01)).toBe('−10⁻²');
    expect(scaledTick(3)).toBe('3');
  });
});
