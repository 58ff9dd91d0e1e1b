// The LocalMinimumProbe's text parts, shared by the build-time figure and the live widget: readout, verdict, tables.
import type { ReluUnitAnalysis, ReluUnitDescent, Point2 } from '../../../lib/models/relu-unit.ts';
import type { ProbeResult } from '../../../lib/experiments/relu-probe.ts';
import { escapeHtml, matrixHtml, num, vec, sentences } from '../shared/format.ts';
import { minus } from '../shared/chart-theme.ts';
import { D1_GLOBAL_MIN, type Bin } from './model.ts';
import type { Text } from './text.ts';

/** Readable scientific notation for tiny loss changes: 4.2e−5 rather than 0.0000. */
export function sci(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return num(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-2 && a < 1e4) return num(x, 4);
  return minus(x.toExponential(digits).replace('e+', 'e'));
}

/** A data coordinate as typed: 3, not 3.00. */
const plain = (x: number) => num(x, 4).replace(/\.?0+$/, '');

/** Kink points with an error: the loss has a corner there (no gradient), not only no Hessian. */
const cornersOf = (a: ReluUnitAnalysis) => a.kinks.filter((k) => Math.abs(k.residual) > 1e-12);

/** The verdict: gradient, Hessian, kink and (when there is one for this θ) the probe, in plain words. */
export function verdictParts(tx: Text, a: ReluUnitAnalysis, probe: ProbeResult | null): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  const add = (key: string, text: string) => out.push({ key, text });
  const corners = cornersOf(a);
  const xs = (ks: { x: number }[]) => tx.list(ks.map((k) => plain(k.x)));
  // Every kink point is named, with its error: the corner comes from those whose error is not 0.
  if (corners.length)
    add('vCorner', tx.count('vCorner', a.kinks.length, { xs: xs(a.kinks), r: tx.list(a.kinks.map((k) => num(k.residual, 3))) }));
  else if (a.classification.verdict === 'not-critical') add('vNotCritical', tx.t('vNotCritical', { g: sci(a.gradNorm) }));
  else {
    if (a.kinks.length) add('vKink', tx.count('vKink', a.kinks.length, { xs: xs(a.kinks) }));
    const { negative, zero } = a.classification;
    if (negative > 0) add('vSaddle', tx.t('vSaddle'));
    else if (zero > 0) add('vFlat', tx.count('vFlat', zero));
    else add('vStrict', tx.t('vStrict'));
  }
  if (probe) {
    const params = { count: probe.count, radius: sci(probe.radius), min: sci(probe.min), n: probe.negative };
    if (probe.negative > 0) add('vProbeSome', tx.t('vProbeSome', params));
    else {
      add('vProbeNone', tx.t('vProbeNone', params));
      if (a.classification.verdict !== 'not-critical' && !corners.length) {
        const key = a.loss > D1_GLOBAL_MIN + 1e-9 ? 'vWorse' : 'vGlobal';
        add(key, tx.t(key, { loss: num(a.loss, 4), min: num(D1_GLOBAL_MIN, 0) }));
      }
    }
  } else add('vProbePending', tx.t('vProbePending'));
  return out;
}

export const verdictText = (tx: Text, a: ReluUnitAnalysis, probe: ProbeResult | null): string =>
  sentences(verdictParts(tx, a, probe).map((p) => p.text));

const row = (label: string, html: string, cls: string) =>
  `<tr class="${cls}"><th scope="row">${escapeHtml(label)}</th><td>${html}</td></tr>`;
const eig = (v: number[]) => escapeHtml(v.map((l) => sci(Math.abs(l) < 1e-12 ? 0 : l)).join(', '));
/** A Hessian typed as a matrix, with its eigenvalues under it. */
const hessianCell = (tx: Text, H: number[][], values: number[], label: string) =>
  `${matrixHtml(H, 2, label)}<div class="widget-eigen">${escapeHtml(tx.t('eigenvalues'))} ${eig(values)}</div>`;

/** The values at θ as table rows (also the fit chart's text alternative, with the data table). */
export function readoutRows(tx: Text, a: ReluUnitAnalysis, probe: ProbeResult | null): string {
  const xs = tx.list(a.kinks.map((k) => plain(k.x)));
  const hessians =
    a.hessianOn && a.eigenvaluesOn
      ? row(tx.t('hessianOff', { xs }), hessianCell(tx, a.hessian, a.eigenvalues, tx.t('hessianOffShort')), 'row-eigen') +
        row(tx.t('hessianOn', { xs }), hessianCell(tx, a.hessianOn, a.eigenvaluesOn, tx.t('hessianOnShort')), 'row-eigen-on')
      : row(tx.t('hessian'), hessianCell(tx, a.hessian, a.eigenvalues, tx.t('hessian')), 'row-eigen');
  return [
    row(tx.t('theta'), escapeHtml(vec(a.theta)), 'row-theta'),
    row(tx.t('loss'), num(a.loss, 6), 'row-loss'),
    row(tx.t('gradient'), escapeHtml(`${vec(a.gradient)}${tx.t('gradientSep')}‖∇L‖ = ${sci(a.gradNorm)}`), 'row-gradient'),
    hessians,
    probe
      ? row(
          tx.t('probeStats'),
          escapeHtml(
            tx.t('probeStatsValue', {
              min: sci(probe.min),
              mean: sci(probe.mean),
              max: sci(probe.max),
              n: probe.negative,
              count: probe.count,
            }),
          ),
          'row-probe',
        )
      : '',
    row(tx.t('verdict'), escapeHtml(verdictText(tx, a, probe)), `row-verdict verdict-${a.classification.verdict}`),
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

export function fitLabel(tx: Text, a: ReluUnitAnalysis, points: number): string {
  const [w, b, v, c] = a.theta.map((t) => num(t, 3));
  return tx.t('fitLabel', { n: points, w: w!, b: b!, v: v!, c: c!, loss: num(a.loss, 4) });
}

export const probeLabel = (tx: Text, p: ProbeResult): string =>
  tx.t('probeLabel', { count: p.count, radius: sci(p.radius), n: p.negative, min: sci(p.min), max: sci(p.max) });

export function probeStatus(tx: Text, p: ProbeResult, ms?: number): string {
  const text = tx.t('probeDone', { count: p.count, radius: sci(p.radius), min: sci(p.min), max: sci(p.max), n: p.negative });
  return ms === undefined ? text : sentences([text, tx.t('workerTime', { ms: ms.toFixed(1) })]);
}

export const descentLabel = (tx: Text, d: ReluUnitDescent, lr: number): string =>
  tx.count('descentLabel', d.steps, { steps: d.steps, lr: sci(lr), loss: num(d.loss, 4) });
