// A widget's fields as one table: range, whole or not, default, URL key, label, unit and step. Everything that reads
// or writes a field (the props schema, the URL, typed values, arrow keys, the notices) is generated from it, so they
// cannot disagree. Page code: no zod here (fields-schema.ts turns a table into zod props at build time).
import { fill } from './format.ts';

export interface NumberField {
  kind: 'number';
  /** Smallest and largest accepted value, the same for props, the URL and typed input. */
  min: number;
  max: number;
  integer?: boolean;
  default: number;
  /** Key in the page URL (`?<id>.<key>=`); `false` keeps the field out of the URL. Defaults to the field's name. */
  url?: string | false;
  /** UI-string key of the label, under the widget's prefix (`lambda1` → `widget.saddle-dynamics.lambda1`). */
  label: string;
  /** UI-string key of the unit, under the widget's prefix, if the value has one. */
  unit?: string;
  /** What one arrow press adds; values move along the multiples of it. */
  step: number;
  /** One line for the props documentation (what the number means). */
  doc: string;
}

export interface ChoiceField<V extends string = string> {
  kind: 'choice';
  values: readonly V[];
  default: V;
  url?: string | false;
  label: string;
  doc: string;
}

export type Field = NumberField | ChoiceField;
export type FieldTable = Record<string, Field>;

/** The state a table describes: numbers for number fields, the literal union for choices. */
export type StateOf<F extends FieldTable> = { -readonly [K in keyof F]: F[K] extends ChoiceField<infer V> ? V : number };

/** Checks a table as it is declared, so a mistake in one fails the first test or build that loads it. */
export function defineFields<const F extends FieldTable>(fields: F): F {
  for (const [name, f] of Object.entries(fields)) {
    const problem = fieldProblem(f);
    if (problem) throw new Error(`field "${name}": ${problem}`);
  }
  return fields;
}

function fieldProblem(f: Field): string | null {
  if (f.kind === 'choice') return f.values.includes(f.default) ? null : `default "${f.default}" is not one of ${f.values.join(', ')}`;
  if (!(f.min <= f.max)) return `min ${f.min} is above max ${f.max}`;
  if (!accepts(f, f.default)) return `default ${f.default} is not accepted by its own range`;
  if (!(f.step > 0)) return `step must be positive`;
  if (f.integer && !Number.isInteger(f.step)) return `a whole-number field needs a whole step`;
  return null;
}

/** The seed of a widget's random draws: a whole number from 0 to 1 000 000, default 1, labelled `seed`. */
export const seedField = (doc: string): NumberField => ({
  kind: 'number',
  min: 0,
  max: 1_000_000,
  integer: true,
  default: 1,
  step: 1,
  label: 'seed',
  doc,
});

/** The one acceptance rule: the props schema and the URL parser both call this. */
export function accepts(f: Field, value: unknown): boolean {
  if (f.kind === 'choice') return typeof value === 'string' && (f.values as readonly string[]).includes(value);
  return typeof value === 'number' && Number.isFinite(value) && value >= f.min && value <= f.max && (!f.integer || Number.isInteger(value));
}

export type Change = 'rounded' | 'clamped' | 'invalid';

export interface Adjusted {
  /** The value the widget uses. */
  value: number;
  /** Why it differs from what was given (null: it does not). */
  change: Change | null;
}

/** A typed or linked number made acceptable: clamped into range, rounded where whole numbers are needed. */
export function adjustNumber(f: NumberField, raw: number, fallback: number = f.default): Adjusted {
  if (!Number.isFinite(raw)) return { value: fallback, change: 'invalid' };
  const clamped = Math.min(f.max, Math.max(f.min, raw));
  const value = f.integer ? Math.min(f.max, Math.max(f.min, Math.round(clamped))) : clamped;
  if (value === raw) return { value, change: null };
  return { value, change: raw >= f.min && raw <= f.max ? 'rounded' : 'clamped' };
}

/** Parses text the way a number field reads it: empty or not a number is NaN ("1e-3" and "−2" are numbers). */
export const parseNumber = (text: string): number => {
  const t = text.trim().replace(/^[−–]/, '-');
  return t === '' ? Number.NaN : Number(t);
};

/** Six significant digits: what the URL stores and the fields show (no 0.30000000000000004). */
export const short = (v: number) => Number(v.toPrecision(6));

/**
 * The next value one arrow press away: the neighbouring multiple of `step` (×10 with Shift), so 0.05 goes to 0.06
 * with step 0.01 and an off-grid 0.037 to 0.04, then clamped into range.
 */
export function stepNumber(f: NumberField, value: number, direction: 1 | -1, big = false): number {
  const step = f.step * (big ? 10 : 1);
  const k = value / step;
  const nearest = Math.round(k);
  const onGrid = Math.abs(k - nearest) < 1e-9 * Math.max(1, Math.abs(k));
  const next = direction > 0 ? (onGrid ? nearest + 1 : Math.ceil(k)) : onGrid ? nearest - 1 : Math.floor(k);
  return adjustNumber(f, short(next * step)).value;
}

export const urlKey = (name: string, f: Field): string | null => (f.url === false ? null : (f.url ?? name));

export interface UrlRead<F extends FieldTable> {
  state: StateOf<F>;
  /** Link values that were changed to be used, with what was in the link. */
  adjusted: { field: keyof F & string; raw: string; value: number | string; change: Change }[];
}

/** The state a link carries (`params` without the widget's prefix), starting from `base`; bad values are explained. */
export function readUrl<F extends FieldTable>(fields: F, params: Record<string, string>, base: StateOf<F>): UrlRead<F> {
  const state = { ...base };
  const adjusted: UrlRead<F>['adjusted'] = [];
  for (const [name, f] of Object.entries(fields) as [keyof F & string, Field][]) {
    const key = urlKey(name, f);
    const raw = key === null ? undefined : params[key];
    if (raw === undefined) continue;
    if (f.kind === 'choice') {
      if (accepts(f, raw)) (state as Record<string, unknown>)[name] = raw;
      else adjusted.push({ field: name, raw, value: state[name] as string, change: 'invalid' });
      continue;
    }
    const { value, change } = adjustNumber(f, parseNumber(raw), state[name] as number);
    (state as Record<string, unknown>)[name] = value;
    if (change) adjusted.push({ field: name, raw, value, change });
  }
  return { state, adjusted };
}

/** The URL entries of `state`: only fields that differ from `defaults`; null when nothing does (a clean address). */
export function writeUrl<F extends FieldTable>(fields: F, state: StateOf<F>, defaults: StateOf<F>): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const [name, f] of Object.entries(fields)) {
    const key = urlKey(name, f);
    const v = state[name as keyof F];
    if (key === null || v === defaults[name as keyof F]) continue;
    out[key] = typeof v === 'number' ? String(short(v)) : String(v);
  }
  return Object.keys(out).length ? out : null;
}

/** The table's defaults, overridden by `values` (the widget's props) where given. */
export function stateFrom<F extends FieldTable>(fields: F, values: Partial<Record<keyof F, unknown>> = {}): StateOf<F> {
  return Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, values[name as keyof F] ?? f.default])) as StateOf<F>;
}

/**
 * The sentence that explains a change, in the page's language: `t` looks up UI strings, `label` is the field's
 * label, `shown` formats numbers the way the widget shows them.
 */
export function changeNotice(
  t: (key: string, params?: Record<string, string | number>) => string,
  f: Field,
  label: string,
  a: { value: number | string; change: Change },
  shown: (v: number) => string = (v) => String(short(v)).replace('-', '−'),
): string {
  const value = typeof a.value === 'number' ? shown(a.value) : a.value;
  if (a.change === 'invalid') return t('widget.common.notANumber', { field: label, value });
  if (a.change === 'rounded') return t('widget.common.rounded', { field: label, value });
  const nf = f as NumberField;
  return t('widget.common.clamped', { field: label, min: shown(nf.min), max: shown(nf.max), value });
}

export { fill };
