// The teacher–student reproduction's job results and their summary: counts per (k, n) beside Safran & Shamir's tables (no zod).
import { wilsonInterval } from './goe-stats.ts';
import { paperCell } from './teacher-student-paper.ts';
import type { CertificateVerdict } from '../models/teacher-student-certificate.ts';
import type { DescentState } from '../models/teacher-student-descent.ts';

/** Where one run ended, by the paper's threshold on F: below it 'global', at or above it 'spurious' (or 'unfinished'). */
export type RunOutcome = 'global' | 'spurious' | 'unfinished' | 'diverged';

/** One end point at or above the threshold: what a reader needs to judge it a local minimum. */
export interface SpuriousPoint {
  loss: number;
  /** Smallest eigenvalue of the exact Hessian there. */
  lambdaMin: number;
  /** ‖∇F‖ and max_i ‖∇_{w_i}F‖ (the paper's stopping measure). */
  gradNorm: number;
  gradMax: number;
  steps: number;
  state: DescentState;
  verdict: CertificateVerdict;
}

/** One extra-neuron trial: an (n + 1)-neuron student started at a spurious point plus a small new neuron. */
export interface ExtraNeuronTrial {
  /** F at the spurious point (the trial's start differs from it by O(scale): K(·, w) is 1-homogeneous in w). */
  fromLoss: number;
  /** F where descent stopped. */
  loss: number;
  outcome: RunOutcome;
  steps: number;
  /** Smallest Hessian eigenvalue at the end, and the authors' minimum test there, for 'spurious' and 'unfinished' ends. */
  lambdaMin: number | null;
  verdict: CertificateVerdict | null;
}

export interface TeacherStudentJobResult {
  runs: number;
  global: number;
  spurious: number;
  unfinished: number;
  diverged: number;
  /** Restarts taken by the divergence rule (halved step), over all runs. */
  restarts: number;
  /** Steps at which F rose, over all runs (0 when every descent was monotone, so stopping at F ≤ threshold is safe). */
  climbs: number;
  /** End points at or above the threshold that pass the authors' minimum test. */
  certified: number;
  /** End points at or above the threshold with a positive smallest Hessian eigenvalue. */
  positiveHessian: number;
  /** Sums over the certified points, for the paper's averages. */
  certifiedLoss: number;
  certifiedLambdaMin: number;
  /** Gradient evaluations of all runs (extra-neuron trials not included). */
  steps: number;
  /** The first few points at or above the threshold (capped by config.keepPoints). */
  points: SpuriousPoint[];
  extra: ExtraNeuronTrial[];
}

export interface TeacherStudentJob {
  cell: number;
  k: number;
  n: number;
  block: number;
  /** Runs in this block, and the index within the cell of its first run. */
  runs: number;
  first: number;
}

export interface OutcomeCounts {
  tried: number;
  global: number;
  spurious: number;
  unfinished: number;
  diverged: number;
  /** Ends at or above the threshold that pass the authors' minimum test. */
  certified: number;
}

export interface TeacherStudentCell {
  k: number;
  n: number;
  runs: number;
  global: number;
  spurious: number;
  unfinished: number;
  diverged: number;
  restarts: number;
  climbs: number;
  certified: number;
  positiveHessian: number;
  /** Certified spurious minima, % of runs (the paper's measure), with a Wilson 95% interval; null before any run. */
  percent: number | null;
  interval: [number, number] | null;
  /** Every end point at or above the threshold (certified or not), % of runs. */
  percentAll: number | null;
  /** Averages over the certified points (null when there are none). */
  lambdaMin: number | null;
  loss: number | null;
  meanSteps: number | null;
  /** The paper's row; 'none-found' where the authors ran the cell and tabulated nothing; 'not-run' outside their grid. */
  paper: { status: 'row'; percent: number; lambdaMin: number; loss: number } | { status: 'none-found' | 'not-run' };
  extra: OutcomeCounts;
  /** A few points at or above the threshold, for a scatter of loss against λ_min. */
  points: SpuriousPoint[];
}

export interface TeacherStudentSummary {
  cells: TeacherStudentCell[];
  totals: { runs: number; jobs: number; diverged: number; unfinished: number; restarts: number; climbs: number };
  extraNeuron: OutcomeCounts & { scale: number };
  protocol: { lr: number; gradTol: number; spuriousLoss: number; maxSteps: number };
}

/** The grid of a config: every k with every n − k, in k order then n order (the order of cells in a block). */
export function cellsOf(config: { ks: readonly number[]; nMinusK: readonly number[] }): { k: number; n: number }[] {
  return config.ks.flatMap((k) => config.nMinusK.map((dn) => ({ k, n: k + dn })));
}

const zeroCounts = (): OutcomeCounts => ({ tried: 0, global: 0, spurious: 0, unfinished: 0, diverged: 0, certified: 0 });

function countTrial(c: OutcomeCounts, t: ExtraNeuronTrial): void {
  c.tried++;
  c[t.outcome]++;
  if (t.verdict === 'certified') c.certified++;
}

/** Points kept per cell in the summary. */
export const SUMMARY_POINTS_PER_CELL = 12;

export function summarizeTeacherStudent(
  config: {
    ks: readonly number[];
    nMinusK: readonly number[];
    lr: number;
    gradTol: number;
    spuriousLoss: number;
    maxSteps: number;
    extraNeuron: { scale: number };
  },
  done: readonly { job: TeacherStudentJob; result: TeacherStudentJobResult }[],
): TeacherStudentSummary {
  const grid = cellsOf(config);
  const extraAll = zeroCounts();
  const totals = { runs: 0, jobs: done.length, diverged: 0, unfinished: 0, restarts: 0, climbs: 0 };
  const cells = grid.map(({ k, n }, index): TeacherStudentCell => {
    const mine = done.filter((d) => d.job.cell === index).map((d) => d.result);
    const sum = (f: (r: TeacherStudentJobResult) => number) => mine.reduce((t, r) => t + f(r), 0);
    const runs = sum((r) => r.runs);
    const certified = sum((r) => r.certified);
    const spurious = sum((r) => r.spurious),
      unfinished = sum((r) => r.unfinished);
    const extra = zeroCounts();
    for (const r of mine)
      for (const t of r.extra) {
        countTrial(extra, t);
        countTrial(extraAll, t);
      }
    const paper = paperCell(k, n);
    const cell: TeacherStudentCell = {
      k,
      n,
      runs,
      global: sum((r) => r.global),
      spurious,
      unfinished,
      diverged: sum((r) => r.diverged),
      restarts: sum((r) => r.restarts),
      climbs: sum((r) => r.climbs),
      certified,
      positiveHessian: sum((r) => r.positiveHessian),
      percent: runs ? (100 * certified) / runs : null,
      interval: runs ? (wilsonInterval(certified, runs).map((x) => 100 * x) as [number, number]) : null,
      percentAll: runs ? (100 * (spurious + unfinished)) / runs : null,
      lambdaMin: certified ? sum((r) => r.certifiedLambdaMin) / certified : null,
      loss: certified ? sum((r) => r.certifiedLoss) / certified : null,
      meanSteps: runs ? sum((r) => r.steps) / runs : null,
      paper:
        typeof paper === 'string'
          ? { status: paper }
          : { status: 'row', percent: paper.percent, lambdaMin: paper.lambdaMin, loss: paper.loss },
      extra,
      points: mine.flatMap((r) => r.points).slice(0, SUMMARY_POINTS_PER_CELL),
    };
    totals.runs += runs;
    totals.diverged += cell.diverged;
    totals.unfinished += unfinished;
    totals.restarts += cell.restarts;
    totals.climbs += cell.climbs;
    return cell;
  });
  return {
    cells,
    totals,
    extraNeuron: { ...extraAll, scale: config.extraNeuron.scale },
    protocol: { lr: config.lr, gradTol: config.gradTol, spuriousLoss: config.spuriousLoss, maxSteps: config.maxSteps },
  };
}

const pct = (x: number | null) => (x === null ? '–' : `${x.toFixed(1)}%`);
const g3 = (x: number | null) => (x === null ? '–' : Number(x.toPrecision(2)).toString());

/** One line per cell, and the extra-neuron totals, for the command line. */
export function teacherStudentLines(s: TeacherStudentSummary): string[] {
  const lines = s.cells.map((c) => {
    const paper =
      c.paper.status === 'row' ? `paper ${c.paper.percent}% (λ ${c.paper.lambdaMin}, F ${c.paper.loss})` : `paper: ${c.paper.status}`;
    const ci = c.interval ? ` [${c.interval[0].toFixed(1)}, ${c.interval[1].toFixed(1)}]` : '';
    const extra = c.extra.tried
      ? `; +1 neuron: ${c.extra.global}/${c.extra.tried} below threshold, ${c.extra.spurious} spurious (${c.extra.certified} certified)`
      : '';
    const odd = c.unfinished + c.diverged + c.spurious - c.certified;
    return (
      `k=${c.k} n=${c.n}: ${c.certified}/${c.runs} certified spurious ${pct(c.percent)}${ci} (λ ${g3(c.lambdaMin)}, F ${g3(c.loss)}) — ${paper}` +
      (odd ? `; ${c.unfinished} unfinished, ${c.diverged} diverged, ${c.spurious - c.certified} uncertified` : '') +
      extra
    );
  });
  const e = s.extraNeuron;
  lines.push(
    `one extra neuron (size ${s.extraNeuron.scale}, random direction): ${e.tried} trials, ${e.global} reached F < ${s.protocol.spuriousLoss}, ` +
      `${e.spurious} another spurious point (${e.certified} certified), ${e.unfinished} unfinished, ${e.diverged} diverged`,
  );
  lines.push(
    `${s.totals.runs} runs in ${s.totals.jobs} jobs; ${s.totals.restarts} restarts, ${s.totals.climbs} steps where F rose, ${s.totals.diverged} diverged, ${s.totals.unfinished} unfinished`,
  );
  return lines;
}
