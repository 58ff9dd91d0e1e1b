// The HessianSpectrum charts: training loss against step (log y), and the histogram of Hessian eigenvalues on a
// symmetric log axis, coloured by sign, with the zero bin (|λ| ≤ tol) in the middle. One function each for build and page.
import * as Plot from '@observablehq/plot';
import type { SpectrumBin } from '../../../lib/landscape/spectrum-bins.ts';
import { CHART_STYLE, logTick, plot, powerOfTen } from '../shared/chart-theme.ts';

export const SPECTRUM_COLORS = { negative: '#e8590c', zero: '#868e96', positive: '#1c7ed6', loss: '#d6336c' } as const;

const colorOf = (b: SpectrumBin) => (b.sign < 0 ? SPECTRUM_COLORS.negative : b.sign > 0 ? SPECTRUM_COLORS.positive : SPECTRUM_COLORS.zero);
/** A symmetric-log tick: 0, or ±10ᵏ written as it is read (−10⁻², 10³) with a true minus. */
export const signedPowerTick = (v: number): string => (v === 0 ? '0' : `${v < 0 ? '−' : ''}${powerOfTen(Math.abs(v))}`);

export interface LossChartInput {
  document: Document;
  history: { step: number; loss: number }[];
  /** Step of the spectrum shown, marked by a rule. */
  spectrumStep: number | null;
  labels: { x: string; y: string; spectrum: string };
  width?: number;
}

export function lossChart({ document, history, spectrumStep, labels, width = 500 }: LossChartInput): SVGSVGElement {
  const points = history.filter((h) => Number.isFinite(h.loss) && h.loss > 0);
  // Long runs: draw at most ~800 points (every k-th, the last one kept).
  const every = Math.max(1, Math.ceil(points.length / 800));
  const drawn = points.filter((_, i) => i % every === 0 || i === points.length - 1);
  const lo = Math.min(...drawn.map((p) => p.loss), 1);
  const hi = Math.max(...drawn.map((p) => p.loss), 1e-6);
  const maxStep = Math.max(1, ...drawn.map((p) => p.step));
  const marks: Plot.Markish[] = [Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.15 })];
  if (spectrumStep !== null) {
    marks.push(Plot.ruleX([spectrumStep], { stroke: SPECTRUM_COLORS.positive, strokeWidth: 1.5, strokeDasharray: '4 3' }));
    const right = spectrumStep < maxStep / 2;
    marks.push(
      Plot.text([labels.spectrum], {
        x: spectrumStep,
        frameAnchor: 'top',
        dy: 6,
        dx: right ? 4 : -4,
        textAnchor: right ? 'start' : 'end',
        text: (d: string) => d,
        fill: SPECTRUM_COLORS.positive,
        fontSize: 12,
      }),
    );
  }
  if (drawn.length) {
    marks.push(Plot.line(drawn, { x: 'step', y: 'loss', stroke: SPECTRUM_COLORS.loss, strokeWidth: 2 }));
    marks.push(Plot.dot([drawn.at(-1)!], { x: 'step', y: 'loss', r: 3.5, fill: SPECTRUM_COLORS.loss }));
  }
  const decades = Math.max(1, Math.ceil(Math.log10(hi)) - Math.floor(Math.log10(lo)));
  return plot({
    document,
    width,
    height: Math.round(width * 0.5),
    marginLeft: 56,
    marginBottom: 38,
    // Room for the last step's tick label ("20000") at the right edge.
    marginRight: 24,
    x: {
      domain: [0, maxStep],
      label: labels.x,
      labelAnchor: 'center',
      labelArrow: 'none',
      ticks: Math.min(5, maxStep),
      tickFormat: (v: number) => (Number.isInteger(v) ? String(v) : ''),
    },
    y: {
      type: 'log',
      domain: [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))],
      label: labels.y,
      labelAnchor: 'center',
      labelArrow: 'none',
      grid: true,
      ticks: Math.min(decades, 6),
      tickFormat: logTick,
    },
    style: CHART_STYLE,
    marks,
  }) as unknown as SVGSVGElement;
}

export interface SpectrumChartInput {
  document: Document;
  bins: SpectrumBin[];
  zeroTol: number;
  labels: { x: string; y: string };
  width?: number;
}

/**
 * Bars on a symlog x axis, x ↦ sign(x)·ln(1 + |x|/c) with c = zeroTol: the zero bin spans ±c around 0 and
 * every bin beyond it is half a decade wide. Counts are printed over the bars, so a bar of one reads as well as the bulk,
 * on a halo of the widget's background so a gridline never runs through them; 15% headroom keeps the tallest one inside.
 */
export function spectrumChart({ document, bins, zeroTol, labels, width = 500 }: SpectrumChartInput): SVGSVGElement {
  const lo = bins[0]?.lo ?? -zeroTol;
  const hi = bins.at(-1)?.hi ?? zeroTol;
  const decadesFrom = (m: number) =>
    m > zeroTol
      ? Array.from(
          { length: Math.floor(Math.log10(m)) - Math.ceil(Math.log10(zeroTol)) + 1 },
          (_, i) => 10 ** (Math.ceil(Math.log10(zeroTol)) + i),
        ).filter((v) => v > zeroTol && v <= m)
      : [];
  // Decades closer to 0 than 10·zeroTol would print over the 0 label on the symlog axis.
  const pos = decadesFrom(hi).filter((v) => v >= 10 * zeroTol);
  const neg = decadesFrom(-lo)
    .filter((v) => v >= 10 * zeroTol)
    .map((v) => -v);
  // At most 3 ticks a side: every other decade (or sparser) when there are many.
  const thin = (ticks: number[]) => {
    const k = Math.ceil(ticks.length / 3);
    return ticks.filter((_, i) => (ticks.length - 1 - i) % k === 0);
  };
  // Both lists run outward from 0, so thinning keeps the outermost decade of each side.
  const ticks = [...thin(neg), 0, ...thin(pos)].sort((a, b) => a - b);
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const shown = bins.filter((b) => b.count > 0);
  return plot({
    document,
    width,
    height: Math.round(width * 0.5),
    marginLeft: 44,
    marginBottom: 38,
    marginRight: 14,
    marginTop: 22,
    x: {
      type: 'symlog',
      constant: zeroTol,
      domain: [Math.min(lo, -zeroTol * 3), Math.max(hi, zeroTol * 3)],
      ticks,
      tickFormat: signedPowerTick,
      label: labels.x,
      labelAnchor: 'center',
      labelArrow: 'none',
    },
    y: {
      domain: [0, maxCount * 1.15],
      label: labels.y,
      labelAnchor: 'center',
      labelArrow: 'none',
      grid: true,
      ticks: 4,
      tickFormat: (v: number) => (Number.isInteger(v) ? String(v) : ''),
    },
    style: CHART_STYLE,
    marks: [
      Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '3 3' }),
      Plot.rectY(bins, { x1: 'lo', x2: 'hi', y: 'count', fill: colorOf, insetLeft: 0.5, insetRight: 0.5 }),
      Plot.text(shown, {
        x: (b: SpectrumBin) => (b.sign === 0 ? 0 : Math.sign(b.lo) * Math.sqrt(Math.abs(b.lo * b.hi))),
        y: 'count',
        text: (b: SpectrumBin) => String(b.count),
        dy: -7,
        fill: 'currentColor',
        fontSize: 12,
        stroke: 'var(--surface)',
        strokeWidth: 3,
      }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
    ],
  }) as unknown as SVGSVGElement;
}
