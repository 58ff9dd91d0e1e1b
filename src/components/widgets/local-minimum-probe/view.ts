// The LocalMinimumProbe's text parts, shared by the build-time figure and the live widget: readout, verdict, tables, bins.
import type { ReluUnitAnalysis, ReluUnitDescent, Point2 } from '../../../lib/models/relu-unit.ts';
import type { ProbeResult } from '../../../lib/experiments/relu-probe.ts';
import type { Bin } from './chart.ts';
import { escapeHtml, fill, num, vec, sentences } from '../shared/format.ts';

export type Strings = Record<string, string>;

/** The least loss of any θ on D1 (the tests show it by a scan over every kink position). */
export const D1_GLOBAL_MIN = 14;

/** Readable scientific notation for tiny loss changes: 4.2e−5 rather than 0.0000. */
export function sci(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return num(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-2 && a < 1e4) return num(x, 4);
  return x.toExponential(digits).replace('e+', 'e').replace(/-/g, '−');
}

/** A data coordinate as typed: 3, not 3.00. */
const plain = (x: number) => num(x, 4).replace(/\.?0+$/, '');

/** Histogram of ΔL in `n` bins whose edges include 0, so no bin mixes rises and falls. */
export function probeBins(deltas: readonly number[], n = 30): Bin[] {
  let lo = 0,
    hi = 0;
  for (const d of deltas) {
    lo = Math.min(lo, d);
    hi = Math.max(hi, d);
  }
  const span = hi - lo || Math.max(Math.abs(hi), 1e-12);
  const h = span / n;
  const first = Math.floor(lo / h);
  const last = Math.max(first + 1, Math.ceil(hi / h));
  const bins: Bin[] = [];
  for (let k = first; k < last; k++) bins.push({ x0: k * h, x1: (k + 1) * h, count: 0, negative: k < 0 });
  for (const d of deltas) bins[Math.min(bins.length - 1, Math.max(0, Math.floor(d / h) - first))]!.count++;
  return bins;
}

/** Whether a probe result belongs to this θ (a newer θ makes it stale). */
export const probeFits = (p: ProbeResult | null | undefined, theta: readonly number[]): p is ProbeResult =>
  !!p && p.analysis.theta.every((t, i) => t === theta[i]);

/** The verdict: gradient, Hessian, kink and (when there is one for this θ) the probe, in plain words. */
export function verdictParts(s: Strings, a: ReluUnitAnalysis, probe: ProbeResult | null): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  const add = (key: string, params: Record<string, string | number> = {}) =>
    out.push({ key, text: fill(s[`widget.local-minimum-probe.${key}`] ?? key, params) });
  const corner = a.kinks.find((k) => Math.abs(k.residual) > 1e-12);
  if (corner) add('vCorner', { x: plain(corner.x), r: num(corner.residual, 3) });
  else if (a.classification.verdict === 'not-critical') add('vNotCritical', { g: sci(a.gradNorm) });
  else {
    const kink = a.kinks[0];
    if (kink) add('vKink', { x: plain(kink.x) });
    const { negative, zero } = a.classification;
    if (negative > 0) add('vSaddle');
    else if (zero > 0) add('vFlat', { n: zero });
    else add('vStrict');
  }
  if (probe) {
    const params = { count: probe.count, radius: sci(probe.radius), min: sci(probe.min), n: probe.negative };
    if (probe.negative > 0) add('vProbeSome', params);
    else {
      add('vProbeNone', params);
      if (a.classification.verdict !== 'not-critical' && !corner)
        add(a.loss > D1_GLOBAL_MIN + 1e-9 ? 'vWorse' : 'vGlobal', { loss: num(a.loss, 4) });
    }
  } else add('vProbePending');
  return out;
}

export function verdictText(s: Strings, a: ReluUnitAnalysis, probe: ProbeResult | null): string {
  return sentences(verdictParts(s, a, probe).map((p) => p.text));
}

const row = (label: string, value: string, cls: string) =>
  `<tr class="${cls}"><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;

/** The values at θ as table rows (also the fit chart's text alternative, with the data table). */
export function readoutRows(s: Strings, a: ReluUnitAnalysis, probe: ProbeResult | null): string {
  const eig = (v: number[]) => v.map((l) => sci(Math.abs(l) < 1e-12 ? 0 : l)).join(', ');
  return [
    row(s['widget.local-minimum-probe.theta']!, vec(a.theta), 'row-theta'),
    row(s['widget.local-minimum-probe.loss']!, num(a.loss, 6), 'row-loss'),
    row(
      s['widget.local-minimum-probe.gradient']!,
      `${vec(a.gradient)}${s['widget.local-minimum-probe.gradientSep'] ?? '; '}‖∇L‖ = ${sci(a.gradNorm)}`,
      'row-gradient',
    ),
    a.eigenvaluesOn
      ? row(s['widget.local-minimum-probe.eigenOff']!, eig(a.eigenvalues), 'row-eigen') +
        row(s['widget.local-minimum-probe.eigenOn']!, eig(a.eigenvaluesOn), 'row-eigen-on')
      : row(s['widget.local-minimum-probe.eigen']!, eig(a.eigenvalues), 'row-eigen'),
    probe
      ? row(
          s['widget.local-minimum-probe.probeStats']!,
          fill(s['widget.local-minimum-probe.probeStatsValue']!, {
            min: sci(probe.min),
            mean: sci(probe.mean),
            max: sci(probe.max),
            n: probe.negative,
            count: probe.count,
          }),
          'row-probe',
        )
      : '',
    row(s['widget.local-minimum-probe.verdict']!, verdictText(s, a, probe), `row-verdict verdict-${a.classification.verdict}`),
  ].join('');
}

/** Data, fit and error at each point: the text alternative of the fit chart. */
export function fitRows(points: readonly Point2[], a: ReluUnitAnalysis): string {
  return points
    .map(([x, y], i) => [x, y, i] as const)
    .sort((p, q) => p[0] - q[0])
    .map(
      ([x, y, i]) =>
        `<tr><td>${num(x, 0)}</td><td>${num(y, 0)}</td><td>${num(y + a.residuals[i]!, 4)}</td><td>${num(a.residuals[i]!, 4)}</td></tr>`,
    )
    .join('');
}

export function binRows(bins: Bin[]): string {
  return bins
    .filter((b) => b.count > 0)
    .map((b) => `<tr><td>${sci(b.x0)}</td><td>${sci(b.x1)}</td><td>${b.count}</td></tr>`)
    .join('');
}

export function descentRows(d: ReluUnitDescent, max = 25): string {
  const every = Math.max(1, Math.ceil(d.path.length / max));
  return d.path
    .filter((_, i) => i % every === 0 || i === d.path.length - 1)
    .map((p) => `<tr><td>${p.step}</td><td>${num(p.loss, 6)}</td><td>${vec(p.theta, 3)}</td></tr>`)
    .join('');
}

export function fitLabel(s: Strings, a: ReluUnitAnalysis): string {
  const [w, b, v, c] = a.theta.map((t) => num(t, 3));
  return fill(s['widget.local-minimum-probe.fitLabel']!, { w: w!, b: b!, v: v!, c: c!, loss: num(a.loss, 4) });
}

export function probeLabel(s: Strings, p: ProbeResult): string {
  return fill(s['widget.local-minimum-probe.probeLabel']!, {
    count: p.count,
    radius: sci(p.radius),
    n: p.negative,
    min: sci(p.min),
    max: sci(p.max),
  });
}

export function probeStatus(s: Strings, p: ProbeResult, ms?: number): string {
  const text = fill(s['widget.local-minimum-probe.probeDone']!, {
    count: p.count,
    radius: sci(p.radius),
    min: sci(p.min),
    max: sci(p.max),
    n: p.negative,
  });
  return ms === undefined ? text : `${text} ${fill(s['widget.local-minimum-probe.workerTime']!, { ms: ms.toFixed(1) })}`;
}
