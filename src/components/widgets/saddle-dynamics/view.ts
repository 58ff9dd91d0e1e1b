// The SaddleDynamics's text parts, shared by the build-time figure and the live widget: readout, table, labels, status.
// Every sentence is chosen from the scene's regime and escape outcomes (src/lib), so status, readout and table agree.
import {
  NOISE_RUNS,
  type DynamicsScene,
  type DynamicsState,
  type Escape,
  type NoisyEscape,
} from '../../../lib/landscape/saddle-dynamics.ts';
import { escapeHtml, fill, num, sentences } from '../shared/format.ts';
import { powerOfTen } from '../shared/chart-theme.ts';

export type Strings = Record<string, string>;

const P = 'widget.saddle-dynamics.';
const str = (s: Strings, key: string, params?: Record<string, string | number>) => fill(s[P + key] ?? P + key, params);

/** ε as it is read: 0, 10⁻³, 2.50 × 10⁻⁴ (true minus, no "e−3"). */
export function sci(v: number): string {
  if (v === 0) return '0';
  const k = Math.floor(Math.log10(Math.abs(v)));
  const m = v / 10 ** k;
  const mant = m.toFixed(2);
  if (mant === '1.00') return powerOfTen(10 ** k);
  if (mant === '10.00') return powerOfTen(10 ** (k + 1));
  return `${mant} × ${powerOfTen(10 ** k)}`;
}

const count = (k: number) => (Number.isFinite(k) ? String(Math.round(k)) : '∞');

/** A readout cell for one run's escape (long form). */
function escapeCell(s: Strings, e: Escape): string | null {
  if (e.kind === 'capped') return str(s, 'countCapped', { cap: e.cap });
  if (e.kind === 'never') return str(s, 'countNever');
  if (e.kind === 'diverges') return str(s, 'countDiverges');
  return null;
}

/** A table cell for one run's escape (short form). */
function escapeShort(s: Strings, e: Escape): string {
  if (e.kind === 'escaped') return String(e.steps);
  if (e.kind === 'capped') return str(s, 'cellCapped', { cap: e.cap });
  return str(s, e.kind === 'never' ? 'cellNever' : 'cellDiverges');
}

function noisyCell(s: Strings, n: NoisyEscape, cap: number, first: number | null): string {
  if (n.diverges) return str(s, 'countDiverges');
  if (n.mean === null) return str(s, 'noisyNone', { runs: n.runs, cap });
  const mean = num(n.mean, 1);
  if (n.escaped === n.runs) return first === null ? mean : str(s, 'noisyAll', { mean, runs: n.runs, first });
  return str(s, 'noisySome', { mean, escaped: n.escaped, runs: n.runs, cap });
}

/** The numbers at the current start as table rows: also the phase chart's text alternative. */
export function readoutRows(s: Strings, st: DynamicsState, sc: DynamicsScene): string {
  const row = (label: string, value: string, cls: string) =>
    `<tr class="${cls}"><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
  const etaLambda = num(st.lr * st.lambda1, 3);
  const edge = num(sc.momentumEdge, 2);
  const gdStable = {
    converges: () => str(s, 'stableConverges', { factor: num(sc.stableFactor, 3), etaLambda }),
    oscillates: () => str(s, 'stableOscillates'),
    diverges: () => str(s, 'stableDiverges', { factor: num(sc.stableFactor, 3), growth: num(Math.abs(sc.stableFactor), 3), etaLambda }),
  }[sc.gdRegime]();
  const momentumStable = {
    converges: () => str(s, 'momentumConverges', { factor: num(sc.momentumStableFactor, 4), etaLambda, edge }),
    oscillates: () => str(s, 'momentumOscillates', { edge }),
    diverges: () => str(s, 'momentumDiverges', { factor: num(sc.momentumStableFactor, 4), etaLambda, edge }),
  }[sc.momentumRegime]();
  const flow = Number.isFinite(sc.flowTime)
    ? str(s, 'flowValue', { time: num(sc.flowTime, 3), steps: num(sc.flowTime / st.lr, 1) })
    : str(s, 'countNever');
  return [
    row(s[P + 'stableFactor']!, gdStable, `row-stable is-${sc.gdRegime}`),
    row(str(s, 'momentumStable', { beta: num(st.beta, 2), edge }), momentumStable, `row-momentum-stable is-${sc.momentumRegime}`),
    row(
      s[P + 'gdSteps']!,
      escapeCell(s, sc.gdEscape) ??
        str(s, 'gdValue', { steps: String(sc.gdEscape.kind === 'escaped' ? sc.gdEscape.steps : ''), closed: count(sc.gdClosedForm) }),
      `row-gd is-${sc.gdEscape.kind}`,
    ),
    row(
      str(s, 'momentumSteps', { beta: num(st.beta, 2) }),
      escapeCell(s, sc.momentumEscape) ??
        str(s, 'momentumValue', {
          steps: String(sc.momentumEscape.kind === 'escaped' ? sc.momentumEscape.steps : ''),
          closed: count(sc.momentumClosedForm),
          rate: num(sc.momentumRate, 4),
          plain: num(1 + st.lr * Math.abs(st.lambda2), 4),
        }),
      `row-momentum is-${sc.momentumEscape.kind}`,
    ),
    row(s[P + 'flowTime']!, flow, 'row-flow'),
    row(
      str(s, 'noisySteps', { runs: NOISE_RUNS, sigma: sci(st.sigma) }),
      sc.noisyStats === null
        ? s[P + 'noNoise']!
        : noisyCell(s, sc.noisyStats, sc.cap, sc.noisy && sc.noisy.outcome === 'escaped' ? sc.noisy.steps : null),
      'row-noisy',
    ),
  ].join('');
}

/** The escape chart as a table: one row per ε, the same outcomes as the readout. */
export function sweepRows(s: Strings, sc: DynamicsScene): string {
  const noisy = (n: NoisyEscape | null) => {
    // σ > 0 but not yet computed: the page fills this column in slices (DynamicsScene.pendingNoise).
    if (n === null) return sc.noisyStats === null ? '—' : '…';
    if (n.diverges) return str(s, 'cellDiverges');
    if (n.mean === null) return str(s, 'cellCapped', { cap: sc.cap });
    const mean = num(n.mean, 1);
    return n.escaped === n.runs ? mean : str(s, 'noisyCellSome', { mean, escaped: n.escaped, runs: n.runs });
  };
  return sc.sweep
    .map((r) =>
      [sci(r.epsilon), escapeShort(s, r.gd), count(r.gdClosedForm), escapeShort(s, r.momentum), num(r.flowSteps, 1), noisy(r.noisy)]
        .map((c) => `<td>${escapeHtml(c)}</td>`)
        .join(''),
    )
    .map((cells) => `<tr>${cells}</tr>`)
    .join('');
}

export function phaseLabel(s: Strings, st: DynamicsState): string {
  return str(s, 'phaseLabel', { l1: num(st.lambda1, 2), l2: num(st.lambda2, 2), eps: sci(st.epsilon) });
}

/** The outcome read out after every change: one sentence per method, in the order the readout lists them. */
export function summary(s: Strings, st: DynamicsState, sc: DynamicsScene): { text: string; kind: 'info' | 'error' } {
  const eps = sci(st.epsilon);
  const etaLambda = num(st.lr * st.lambda1, 3);
  const edge = num(sc.momentumEdge, 2);
  const beta = num(st.beta, 2);
  const cap = sc.cap;
  const out: string[] = [];
  const gd = sc.gdEscape;
  if (gd.kind === 'diverges') out.push(str(s, 'sayGdDiverges', { etaLambda, factor: num(sc.stableFactor, 3) }));
  else if (gd.kind === 'never') out.push(str(s, 'sayGdNever'));
  else if (gd.kind === 'capped') out.push(str(s, 'sayGdCapped', { eps, cap, closed: count(sc.gdClosedForm) }));
  else out.push(str(s, 'sayGdEscaped', { eps, steps: gd.steps, closed: count(sc.gdClosedForm) }));
  if (sc.gdRegime === 'oscillates') out.push(str(s, 'sayGdEdge'));
  if (st.beta > 0) {
    const m = sc.momentumEscape;
    if (m.kind === 'diverges') out.push(str(s, 'sayMomDiverges', { beta, etaLambda, edge }));
    else {
      if (sc.gdRegime !== 'converges' && sc.momentumRegime === 'converges') out.push(str(s, 'sayMomRange', { edge }));
      if (sc.momentumRegime === 'oscillates') out.push(str(s, 'sayMomEdge', { edge }));
      if (m.kind === 'never') out.push(str(s, 'sayMomNever', { beta }));
      else if (m.kind === 'capped') out.push(str(s, 'sayMomCapped', { beta, cap, closed: count(sc.momentumClosedForm) }));
      else out.push(str(s, 'sayMomEscaped', { beta, steps: m.steps, closed: count(sc.momentumClosedForm) }));
    }
  }
  const n = sc.noisyStats;
  if (n) {
    const sigma = sci(st.sigma);
    const params = { sigma, runs: n.runs, cap, escaped: n.escaped, mean: n.mean === null ? '' : num(n.mean, 1) };
    if (n.diverges) out.push(str(s, 'sayNoisyDiverges'));
    else if (n.mean === null) out.push(str(s, 'sayNoisyNone', params));
    else if (n.escaped < n.runs) out.push(str(s, 'sayNoisySome', params));
    else out.push(str(s, st.epsilon === 0 ? 'sayNoisyFromZero' : 'sayNoisy', params));
  } else if (gd.kind === 'never') out.push(str(s, 'sayAddNoise'));
  if (gd.kind === 'diverges') out.push(str(s, 'sayLower'));
  return { text: sentences(out), kind: gd.kind === 'diverges' ? 'error' : 'info' };
}
