// What every widget chart shares: Plot.plot with the site's accessibility fix, its text style, tick labels with true
// minus signs and powers of ten, and the smallest width at which its text stays readable on a phone.
import * as Plot from '@observablehq/plot';

/**
 * Plot.plot for every chart of the site. Plot names each mark's <g> (or a frame's <rect>) with aria-label ("dot", "rule", …), which ARIA
 * prohibits on an element without a role (axe's aria-prohibited-attr); the chart's box describes the chart instead
 * (role="img" with a label, or a table of the same numbers). So the name moves here, once, to data-mark, where code
 * and tests still find a mark by it (`g[data-mark="dot"]`).
 */
export function plot(options: Plot.PlotOptions, { minHeight }: { minHeight?: number } = {}): ReturnType<typeof Plot.plot> {
  const chart = Plot.plot(options);
  if (minHeight !== undefined) reserveHeight(chart, minHeight);
  for (const g of chart.querySelectorAll('[aria-label]:not(svg), [aria-description]:not(svg)')) {
    if (g.hasAttribute('role')) continue;
    const name = g.getAttribute('aria-label');
    if (name !== null) g.setAttribute('data-mark', name);
    g.removeAttribute('aria-label');
    g.removeAttribute('aria-description');
  }
  return chart;
}

/**
 * The build-time figure is drawn at one width and scaled to its box, so on a phone it comes out flatter than the live
 * chart drawn there later (whose height has a floor, or does not follow the width at all). A CSS min-height of that
 * floor keeps the figure's box as tall as the live chart will be: the picture sits centred in it (SVG's default
 * preserveAspectRatio) and nothing below moves when the widget goes live.
 */
function reserveHeight(chart: Element, minHeight: number): void {
  const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector(':scope > svg:last-of-type');
  if (!svg) return;
  const style = svg.getAttribute('style') ?? '';
  svg.setAttribute('style', `${style}${style && !style.trimEnd().endsWith(';') ? ';' : ''}min-height:${Math.round(minHeight)}px`);
}

/** Plot's `style` for every chart: text inherits the page's colour; 12 px at the width the chart is drawn at. */
export const CHART_STYLE = { background: 'transparent', fontSize: '12px' } as const;

/**
 * Charts are drawn at their box's width (boxWidth), never scaled down: a 640 px figure shrunk into a 350 px phone
 * column would print its 12 px labels at 6.6 px. Below this width a chart scrolls sideways instead.
 */
export const MIN_CHART_WIDTH = 300;

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** 10ᵏ written as it is read: `10⁻²`, `10³`; 1 and 10 print as `1` and `10`. */
export function powerOfTen(v: number): string {
  if (!(v > 0)) return minus(String(v));
  const k = Math.round(Math.log10(v));
  if (k === 0) return '1';
  if (k === 1) return '10';
  return `10${[...String(k)].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

/** A log-axis tick: powers of ten labelled, the ticks between them left blank (Plot draws 2…9 too). */
export const logTick = (v: number): string => (Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9 ? powerOfTen(v) : '');

/** A true minus sign (U+2212) instead of a hyphen, in any formatted number. */
export const minus = (s: string): string => s.replace(/-/g, '−');

/** A linear-axis tick with at most `digits` decimals and no trailing zeros ("0.000000" never shows). */
export const linearTick =
  (digits = 3) =>
  (v: number): string =>
    minus(String(Number(v.toFixed(digits))));
