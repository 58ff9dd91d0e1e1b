// The SaddleDynamics's text parts, shared by the build-time figure and the live widget: readout, table, labels, status.
import { NOISE_RUNS, type DynamicsScene, type DynamicsState } from '../../../lib/landscape/saddle-dynamics.ts';
import { escapeHtml, fill, num } from '../shared/format.ts';

export type Strings = Record<string, string>;

const steps = (s: Strings, k: number | null) =>
  k === null ? '—' : Number.isFinite(k) ? String(Math.round(k)) : s['widget.saddle-dynamics.never']!;
/** ε in scientific notation with a true minus sign: 1.00e−3. */
export const sci = (v: number) => (v === 0 ? '0' : v.toExponential(2).replace('e-', 'e−').replace('e+', 'e'));

/** The numbers at the current start as table rows: also the phase chart's text alternative. */
export function readoutRows(s: Strings, st: DynamicsState, sc: DynamicsScene): string {
  const row = (label: string, value: string, cls: string) =>
    `<tr class="${cls}"><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
  const etaLambda = num(st.lr * st.lambda1, 3);
  const gdSteps = sc.gd.outcome === 'escaped' ? sc.gd.steps : Infinity;
  const momSteps = sc.momentum.outcome === 'escaped' ? sc.momentum.steps : Infinity;
  return [
    row(
      s['widget.saddle-dynamics.stableFactor']!,
      fill(s[sc.stable ? 'widget.saddle-dynamics.stableOk' : 'widget.saddle-dynamics.stableBad']!, {
        factor: num(sc.stableFactor, 3),
        etaLambda,
      }),
      `row-stable${sc.stable ? '' : ' is-diverged'}`,
    ),
    row(
      s['widget.saddle-dynamics.gdSteps']!,
      fill(s['widget.saddle-dynamics.gdValue']!, { steps: steps(s, gdSteps), closed: steps(s, sc.gdClosedForm) }),
      'row-gd',
    ),
    row(
      fill(s['widget.saddle-dynamics.momentumSteps']!, { beta: num(st.beta, 2) }),
      fill(s['widget.saddle-dynamics.momentumValue']!, {
        steps: steps(s, momSteps),
        rate: num(sc.momentumRate, 4),
        plain: num(1 + st.lr * Math.abs(st.lambda2), 4),
      }),
      'row-momentum',
    ),
    row(
      s['widget.saddle-dynamics.flowTime']!,
      Number.isFinite(sc.flowTime)
        ? fill(s['widget.saddle-dynamics.flowValue']!, { time: num(sc.flowTime, 3), steps: num(sc.flowTime / st.lr, 1) })
        : s['widget.saddle-dynamics.never']!,
      'row-flow',
    ),
    row(
      fill(s['widget.saddle-dynamics.noisySteps']!, { runs: NOISE_RUNS, sigma: sci(st.sigma) }),
      sc.noisyMean === null ? s['widget.saddle-dynamics.noNoise']! : num(sc.noisyMean, 1),
      'row-noisy',
    ),
  ].join('');
}

/** The escape chart as a table: one row per ε. */
export function sweepRows(s: Strings, sc: DynamicsScene): string {
  return sc.sweep
    .map(
      (r) =>
        `<tr><td>${sci(r.epsilon)}</td><td>${steps(s, r.gd)}</td><td>${steps(s, r.gdClosedForm)}</td><td>${steps(s, r.momentum)}</td><td>${num(r.flowSteps, 1)}</td><td>${r.noisy === null ? '—' : num(r.noisy, 1)}</td></tr>`,
    )
    .join('');
}

export function phaseLabel(s: Strings, st: DynamicsState): string {
  return fill(s['widget.saddle-dynamics.phaseLabel']!, { l1: num(st.lambda1, 2), l2: num(st.lambda2, 2), eps: sci(st.epsilon) });
}

/** The one-line outcome read out after every change. */
export function summary(s: Strings, st: DynamicsState, sc: DynamicsScene): { text: string; kind: 'info' | 'error' } {
  const etaLambda = num(st.lr * st.lambda1, 3);
  if (!sc.stable)
    return {
      text: fill(s['widget.saddle-dynamics.diverged']!, { etaLambda, factor: num(sc.stableFactor, 3), bound: num(2 * (1 + st.beta), 2) }),
      kind: 'error',
    };
  if (st.epsilon === 0 && st.sigma === 0) return { text: s['widget.saddle-dynamics.stuck']!, kind: 'info' };
  const k = (t: { outcome: string; steps: number }) => (t.outcome === 'escaped' ? String(t.steps) : s['widget.saddle-dynamics.never']!);
  return {
    text: fill(s[sc.noisy ? 'widget.saddle-dynamics.resultNoisy' : 'widget.saddle-dynamics.result']!, {
      eps: sci(st.epsilon),
      gd: k(sc.gd),
      closed: steps(s, sc.gdClosedForm),
      momentum: k(sc.momentum),
      noisy: sc.noisy ? k(sc.noisy) : '—',
    }),
    kind: 'info',
  };
}
