// The HessianSpectrum's text parts, shared by the build-time figure and the live widget: readout, tables, labels, verdict.
import type { MlpProbeSpectrumResult, MlpTrainStepResult } from '../../../lib/experiments/mlp-live.ts';
import { escapeHtml, fill, num, sentences } from '../shared/format.ts';
import { lossSpikes, type RunSettings } from './model.ts';

export type Strings = Record<string, string>;

/** Where training stands: θ, the optimiser's state and the loss curve so far (what a training chunk returns). */
export type RunState = Omit<MlpTrainStepResult, 'parameters'>;

/** A spectrum and the step it was taken at. */
export type SpectrumAt = MlpProbeSpectrumResult & { step: number };

/** Everything the widget shows; the build computes one for the first paint. */
export interface SpectrumSnapshot {
  settings: RunSettings;
  run: RunState;
  spectrum: SpectrumAt | null;
}

/** Scientific notation with a true minus sign: 3.59e−3. */
export const sci = (v: number, digits = 3) => {
  if (!Number.isFinite(v)) return num(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-2 && a < 1e4) return num(v, Math.max(0, digits - 1 - Math.floor(Math.log10(a))));
  return v
    .toExponential(digits - 1)
    .replace('e-', 'e−')
    .replace('e+', 'e')
    .replace(/^-/, '−');
};

const row = (label: string, value: string, cls: string) =>
  `<tr class="${cls}"><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;

/** The verdict of the second-order test at the spectrum's point, with the tolerances that decided it. */
export function verdictText(s: Strings, sp: SpectrumAt): string {
  const c = sp.classification;
  return fill(s[`widget.hessian-spectrum.verdict.${c.verdict}`] ?? c.verdict, {
    grad: sci(sp.gradNorm),
    gradTol: sci(sp.gradTol),
    tol: sci(c.zeroTol),
    negative: c.negative,
    zero: c.zero,
    positive: c.positive,
  });
}

/** The numbers as table rows: also the text alternative of both charts. */
export function readoutRows(s: Strings, run: RunState, sp: SpectrumAt | null, P: number): string {
  const rows = [
    row(s['widget.hessian-spectrum.step']!, String(run.step), 'row-step'),
    row(s['widget.hessian-spectrum.loss']!, sci(run.loss, 4), 'row-loss'),
    row(s['widget.hessian-spectrum.gradNorm']!, sci(run.gradNorm), 'row-grad'),
    row(s['widget.hessian-spectrum.parameters']!, String(P), 'row-parameters'),
  ];
  if (!sp) return rows.join('') + row(s['widget.hessian-spectrum.spectrumAt']!, '—', 'row-spectrum-step');
  const c = sp.classification;
  const stale = sp.step !== run.step;
  rows.push(
    row(
      s['widget.hessian-spectrum.spectrumAt']!,
      fill(s[stale ? 'widget.hessian-spectrum.spectrumStale' : 'widget.hessian-spectrum.spectrumStep']!, {
        step: sp.step,
        eigenvalues: sp.eigenvalues.length,
      }),
      `row-spectrum-step${stale ? ' is-stale' : ''}`,
    ),
    row(s['widget.hessian-spectrum.lambdaMin']!, sci(sp.lambdaMin), 'row-lambda-min'),
    row(s['widget.hessian-spectrum.lambdaMax']!, sci(sp.lambdaMax), 'row-lambda-max'),
    row(
      s['widget.hessian-spectrum.signs']!,
      fill(s['widget.hessian-spectrum.signsValue']!, { positive: c.positive, zero: c.zero, negative: c.negative, tol: sci(c.zeroTol) }),
      'row-signs',
    ),
    row(
      s['widget.hessian-spectrum.share']!,
      fill(s['widget.hessian-spectrum.shareValue']!, {
        share: num(c.positiveFraction, 3),
        positive: c.positive,
        total: sp.eigenvalues.length,
      }),
      'row-share',
    ),
    row(s['widget.hessian-spectrum.verdict']!, verdictText(s, sp), `row-verdict verdict-${c.verdict}`),
  );
  return rows.join('');
}

/** Every eigenvalue, ascending: the histogram's table. */
export function eigenRows(sp: SpectrumAt | null): string {
  if (!sp) return '';
  const tol = sp.classification.zeroTol;
  return sp.eigenvalues
    .map((l, i) => `<tr class="${l > tol ? 'eig-pos' : l < -tol ? 'eig-neg' : 'eig-zero'}"><td>${i + 1}</td><td>${sci(l, 4)}</td></tr>`)
    .join('');
}

/** The loss curve as a table, at most ~40 rows (evenly spaced, the last step kept). */
export function lossRows(run: RunState): string {
  const h = run.history;
  const every = Math.max(1, Math.ceil(h.length / 40));
  return h
    .filter((_, i) => i % every === 0 || i === h.length - 1)
    .map((p) => `<tr><td>${p.step}</td><td>${sci(p.loss, 4)}</td></tr>`)
    .join('');
}

export function lossLabel(s: Strings, run: RunState): string {
  return fill(s['widget.hessian-spectrum.lossLabel']!, { step: run.step, loss: sci(run.loss, 3) });
}

export function histogramLabel(s: Strings, sp: SpectrumAt | null): string {
  if (!sp) return s['widget.hessian-spectrum.histogramEmpty']!;
  const c = sp.classification;
  return fill(s['widget.hessian-spectrum.histogramLabel']!, {
    count: sp.eigenvalues.length,
    step: sp.step,
    positive: c.positive,
    zero: c.zero,
    negative: c.negative,
    min: sci(sp.lambdaMin),
    max: sci(sp.lambdaMax),
  });
}

/** The status line of a finished spectrum. */
export function spectrumSummary(s: Strings, sp: SpectrumAt, ms?: number): string {
  const base = fill(s['widget.hessian-spectrum.spectrumDone']!, {
    step: sp.step,
    count: sp.eigenvalues.length,
    negative: sp.classification.negative,
    share: num(sp.classification.positiveFraction, 3),
  });
  return ms === undefined ? base : sentences([base, fill(s['widget.hessian-spectrum.timing']!, { ms: Math.round(ms) })]);
}

/**
 * The note under the loss curve when an Adam run's loss has jumped (lossSpikes): what causes it, as measured on the
 * lecture's network (tests/widgets/hessian-spectrum/adam-spikes.test.ts). Empty otherwise: other optimisers' jumps
 * have not been measured, so nothing is claimed about them.
 */
export function spikeNote(s: Strings, settings: RunSettings, run: RunState): string {
  if (settings.optimizer !== 'adam') return '';
  const spikes = lossSpikes(run.history);
  if (spikes.length === 0) return '';
  return fill(s[spikes.length === 1 ? 'widget.hessian-spectrum.spikeOne' : 'widget.hessian-spectrum.spikeMany']!, {
    step: spikes[0]!,
    count: spikes.length,
  });
}

/** The status of a diverged run: where, how high, and what to do. */
export function divergedText(s: Strings, run: RunState, lr: number): string {
  const d = run.diverged!;
  return fill(s['widget.hessian-spectrum.diverged']!, { step: d.step, loss: sci(d.loss, 3), lr: String(Number(lr.toPrecision(6))) });
}

/** The status after a chunk: training on, steps still asked for, or done. */
export function progressText(s: Strings, run: RunState, how: { training: boolean; pending: number; ms: number; chunk: number }): string {
  if (how.training)
    return fill(s['widget.hessian-spectrum.training']!, {
      step: run.step,
      loss: sci(run.loss, 3),
      ms: Math.round(how.ms),
      chunk: how.chunk,
    });
  if (how.pending > 0) return queuedText(s, run.step, how.pending);
  return fill(s['widget.hessian-spectrum.paused']!, { step: run.step });
}

/** Steps asked for and not trained yet ("+100" pressed ten times asks for 1,000). */
export const queuedText = (s: Strings, step: number, pending: number) =>
  fill(s['widget.hessian-spectrum.queued']!, { step, pending, target: step + pending });

/** The spectrum as CSV (the download): index, eigenvalue, and its sign as the verdict counted it (0 within ±tol). */
export function eigenCsv(sp: SpectrumAt | null): string {
  const tol = sp?.classification.zeroTol ?? 0;
  const rows = sp ? sp.eigenvalues.map((l, i) => `${i + 1},${l},${l > tol ? 1 : l < -tol ? -1 : 0}`) : [];
  return `${['index,eigenvalue,sign', ...rows].join('\n')}\n`;
}
