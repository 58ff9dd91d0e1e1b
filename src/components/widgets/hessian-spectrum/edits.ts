// What the reader's edits of the network become: a new data set, activation or optimiser, or new hidden widths, each
// used (clamped, with the notice that says so) or refused with the message that explains why. Pure: tested in Vitest.
import { fill } from '../shared/format.ts';
import { hiddenText, MAX_LIVE_PARAMETERS, parameterCount, readHidden, type DatasetDims, type SpectrumState } from './model.ts';
import type { Strings } from './view.ts';

const P_ = 'widget.hessian-spectrum.';

export type Edit =
  /** Use `state` and `hidden`; `notice`, if any, explains a change to what was typed. */
  | { kind: 'use'; state: SpectrumState; hidden: number[]; notice: string | null }
  /** Keep the current settings; the control goes back to `shown`. */
  | { kind: 'refuse'; message: string; shown: string };

function tooLarge(s: Strings, typed: number[], hidden: number[], count: number, current: number[]): string {
  const key = hiddenText(typed) === hiddenText(hidden) ? 'tooLarge' : 'tooLargeClamped';
  return fill(s[P_ + key]!, {
    typed: hiddenText(typed),
    hidden: hiddenText(hidden),
    count,
    max: MAX_LIVE_PARAMETERS,
    current: hiddenText(current),
  });
}

/** A choice from a select: a data set the current widths would make too large for a live spectrum is refused. */
export function choiceEdit(
  s: Strings,
  dims: DatasetDims,
  state: SpectrumState,
  hidden: number[],
  name: 'dataset' | 'activation' | 'optimizer',
  value: string,
): Edit {
  const next = { ...state, [name]: value } as SpectrumState;
  const count = parameterCount(dims, next.dataset, hidden);
  if (count > MAX_LIVE_PARAMETERS) return { kind: 'refuse', message: tooLarge(s, hidden, hidden, count, hidden), shown: state[name] };
  return { kind: 'use', state: next, hidden, notice: null };
}

/** Typed hidden widths: clamped to whole widths 1…64 (said so), refused when not numbers or too many parameters. */
export function hiddenEdit(s: Strings, dims: DatasetDims, state: SpectrumState, hidden: number[], text: string): Edit {
  const read = readHidden(text, dims, state.dataset);
  const shown = hiddenText(hidden);
  if (read.ok)
    return {
      kind: 'use',
      state,
      hidden: read.hidden,
      notice: read.clamped ? fill(s[P_ + 'hiddenClamped']!, { value: hiddenText(read.hidden) }) : null,
    };
  if (read.reason === 'invalid')
    return { kind: 'refuse', message: fill(s['widget.common.notANumber']!, { field: s[P_ + 'hidden']!, value: shown }), shown };
  return { kind: 'refuse', message: tooLarge(s, read.typed, read.hidden, read.count, hidden), shown };
}

/**
 * The hidden widths a link carries (`text`, in the URL form "10-10"), else `fallback`; a link the widget cannot use is
 * explained in `notice`. When the widths do not fit the linked data set, the default data set is used.
 */
export function linkedHidden(
  s: Strings,
  dims: DatasetDims,
  state: SpectrumState,
  defaults: SpectrumState,
  fallback: number[],
  text: string | undefined,
): { hidden: number[]; dataset: SpectrumState['dataset']; notice: string | null } {
  let hidden = [...fallback];
  let notice: string | null = null;
  if (text !== undefined) {
    const edit = hiddenEdit(s, dims, state, fallback, text);
    if (edit.kind === 'use') {
      hidden = edit.hidden;
      notice = edit.notice;
    } else notice = edit.message;
  }
  const fits = parameterCount(dims, state.dataset, hidden) <= MAX_LIVE_PARAMETERS;
  return { hidden, dataset: fits ? state.dataset : defaults.dataset, notice };
}
