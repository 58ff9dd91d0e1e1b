// The SurfaceExplorer's text parts, shared by the build-time figure and the live widget: readout, chart label, legend.
import type { PointAnalysis } from '../../../lib/landscape/surface-analysis.ts';
import { escapeHtml, fill, matrixHtml, num, vec } from '../shared/format.ts';

export type Strings = Record<string, string>;

export function verdictText(s: Strings, a: PointAnalysis): string {
  return s[`widget.verdict.${a.classification.verdict}`] ?? a.classification.verdict;
}

/** The values at θ′ as table rows: this is also the chart's text alternative. The Hessian is typeset as a matrix. */
export function readoutRows(s: Strings, a: PointAnalysis): string {
  const row = (label: string, html: string, cls: string) =>
    `<tr class="${cls}"><th scope="row">${escapeHtml(label)}</th><td>${html}</td></tr>`;
  const text = (label: string, value: string, cls: string) => row(label, escapeHtml(value), cls);
  const hessian = s['widget.surface-explorer.hessian']!;
  return [
    text(s['widget.surface-explorer.point']!, vec(a.point), 'row-point'),
    text(s['widget.surface-explorer.loss']!, num(a.loss), 'row-loss'),
    text(s['widget.surface-explorer.gradient']!, vec(a.gradient), 'row-gradient'),
    row(hessian, matrixHtml(a.hessian, 4, hessian), 'row-hessian'),
    ...a.eigenvalues.map((l, i) =>
      text(
        fill(s['widget.surface-explorer.eigenpair']!, { i: i + 1 }),
        `${num(l)}, ${vec(a.eigenvectors[i]!)}`,
        `row-eigen row-eigen-${i + 1}`,
      ),
    ),
    text(s['widget.surface-explorer.verdict']!, verdictText(s, a), `row-verdict verdict-${a.classification.verdict}`),
  ].join('');
}

export function chartLabel(s: Strings, a: PointAnalysis): string {
  return fill(s['widget.surface-explorer.chartLabel']!, { w1: num(a.point[0], 2), w2: num(a.point[1], 2), verdict: verdictText(s, a) });
}

/** The legend line of the valley floor, e.g. "valley floor w₁w₂ = 1: every point a minimum, L = 0". */
export const valleyLabel = (s: Strings, equation: string): string => fill(s['widget.surface-explorer.legendValley']!, { curve: equation });
