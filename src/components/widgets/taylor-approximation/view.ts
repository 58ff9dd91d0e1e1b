// The TaylorApproximation's text parts, shared by the build-time figure and the live widget: readout and chart label.
import type { TaylorValues, UsefulRadius } from '../../../lib/landscape/taylor.ts';
import { escapeHtml, fill, num, sentences } from '../shared/format.ts';

export type Strings = Record<string, string>;

/** The values at distance s as table rows: this is also the chart's text alternative. */
export function readoutRows(s: Strings, v: TaylorValues, r: UsefulRadius): string {
  const row = (label: string, value: string, cls: string) =>
    `<tr class="${cls}"><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
  return [
    row(s['widget.taylor-approximation.distance']!, num(v.s), 'row-s'),
    row(s['widget.taylor-approximation.truth']!, num(v.truth), 'row-truth'),
    row(s['widget.taylor-approximation.first']!, num(v.first), 'row-first'),
    row(s['widget.taylor-approximation.second']!, num(v.second), 'row-second'),
    row(s['widget.taylor-approximation.gap1']!, num(v.gap1), 'row-gap1'),
    row(s['widget.taylor-approximation.gap2']!, num(v.gap2), 'row-gap2'),
    row(
      fill(s['widget.taylor-approximation.useful']!, { tol: num(r.tolerance, 3) }),
      `[${num(-r.minus, 3)}, ${num(r.plus, 3)}]`,
      'row-useful',
    ),
  ].join('');
}

export function chartLabel(s: Strings, v: TaylorValues, r: UsefulRadius): string {
  return fill(s['widget.taylor-approximation.chartLabel']!, {
    s: num(v.s, 2),
    gap2: num(v.gap2),
    minus: num(-r.minus, 2),
    plus: num(r.plus, 2),
  });
}

/** One sentence on whether the second-order model is still within the tolerance at s. */
export function verdictText(s: Strings, v: TaylorValues, r: UsefulRadius): string {
  const inside = v.s >= -r.minus && v.s <= r.plus;
  return fill(s[inside ? 'widget.taylor-approximation.inside' : 'widget.taylor-approximation.outside']!, {
    s: num(v.s, 2),
    tol: num(r.tolerance, 3),
  });
}

/**
 * The status line, recomputed from the state after every change: what was adjusted in the value just given (if
 * anything), then in 2-D the direction. No message outlives the state it was about. Whether the quadratic is still
 * useful at s is the verdict under the legend (verdictText), so the line does not repeat it on screen; `spoken` is
 * what a screen reader hears, the line and the verdict together.
 */
export function statusText(
  s: Strings,
  state: { angle?: number | undefined },
  v: TaylorValues,
  r: UsefulRadius,
  notice: string | null = null,
): { shown: string; spoken: string } {
  const direction =
    state.angle === undefined ? '' : fill(s['widget.taylor-approximation.direction']!, { angle: String(Number(state.angle.toFixed(2))) });
  return { shown: sentences([notice ?? '', direction]), spoken: sentences([notice ?? '', direction, verdictText(s, v, r)]) };
}
