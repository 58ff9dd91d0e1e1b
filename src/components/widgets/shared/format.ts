// Number formatting for widget readouts: fixed digits, a true minus sign, never "−0".
import { minus, powerOfTen } from './chart-theme.ts';

export function num(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? '−∞' : 'NaN';
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s.replace('-', '−');
}

export const vec = (v: readonly number[], digits = 4) => `(${v.map((x) => num(x, digits)).join(', ')})`;

export const mat = (m: readonly (readonly number[])[], digits = 4) =>
  `[${m.map((r) => `[${r.map((x) => num(x, digits)).join(', ')}]`).join(', ')}]`;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Fills `{name}` in a UI string. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Joins sentences: with a space in English, with nothing after Chinese full-width punctuation (「。」「）」). */
export function sentences(parts: readonly string[]): string {
  return parts
    .filter((p) => p !== '')
    .reduce((out, p) => (out === '' ? p : /[。！？）」]$/.test(out) || /^[（「]/.test(p) ? out + p : `${out} ${p}`), '');
}

/**
 * A matrix typeset as one: a table between brackets (`.widget-matrix`), so a 2×2 or 4×4 Hessian never wraps
 * mid-row. Each entry is formatted by `num`.
 */
export function matrixHtml(m: readonly (readonly number[])[], digits = 4, label = ''): string {
  const rows = m.map((r) => `<tr>${r.map((x) => `<td>${num(x, digits)}</td>`).join('')}</tr>`).join('');
  const aria = label ? ` aria-label="${escapeHtml(label)}"` : '';
  return `<table class="widget-matrix"${aria}><tbody>${rows}</tbody></table>`;
}

/** A number as it is read: 0.034, 2.2, or 4.7 × 10⁻¹⁶ for the tiny gaps of the linear runs; true minus signs. */
export function sci(x: number | null, digits = 2): string {
  if (x === null) return '–';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 0.01 && a < 1e4) return minus(String(Number(x.toPrecision(digits))));
  let k = Math.floor(Math.log10(a));
  let m = Number((x / 10 ** k).toPrecision(digits));
  if (Math.abs(m) >= 10) {
    k += 1;
    m /= 10;
  }
  if (m === 1) return powerOfTen(10 ** k);
  return `${minus(m.toFixed(digits - 1))} × ${powerOfTen(10 ** k)}`;
}
