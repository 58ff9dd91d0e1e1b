// The SurfaceExplorer's text parts, shared by the build-time figure and the live widget: readout and chart label.
import type { PointAnalysis } from '../../../lib/landscape/surface-analysis.ts';
import { escapeHtml, fill, mat, num, vec } from '../shared/format.ts';

export type Strings = Record<string, string>;

export function verdictText(s: Strings, a: PointAnalysis): string {
  return s[`widget.verdict.${a.classification.verdict}`] ?? a.classification.verdict;
}

/** The values at θ′ as table rows: this is also the chart's text alternative. */
export function readoutRows(s: Strings, a: PointAnalysis): string {
  const row = (label: string, value: string, cls = '') =>
    `<tr${cls ? ` class="${cls}"` : ''}><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
  return [
    row(s['widget.surface-explorer.point']!, vec(a.point), 'row-point'),
    row(s['widget.surface-explorer.loss']!, num(a.loss), 'row-loss'),
    row(s['widget.surface-explorer.gradient']!, vec(a.gradient), 'row-gradient'),
    row(s['widget.surface-explorer.hessian']!, mat(a.hessian), 'row-hessian'),
    ...a.eigenvalues.map((l, i) =>
      row(
        fill(s['widget.surface-explorer.eigenpair']!, { i: i + 1 }),
        `${num(l)}, ${vec(a.eigenvectors[i]!)}`,
        `row-eigen row-eigen-${i + 1}`,
      ),
    ),
    row(s['widget.surface-explorer.verdict']!, verdictText(s, a), `row-verdict verdict-${a.classification.verdict}`),
  ].join('');
}

export function chartLabel(s: Strings, a: PointAnalysis): string {
  return fill(s['widget.surface-explorer.chartLabel']!, { w1: num(a.point[0], 2), w2: num(a.point[1], 2), verdict: verdictText(s, a) });
}
