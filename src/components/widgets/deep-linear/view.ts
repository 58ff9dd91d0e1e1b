// Page code of DeepLinear (no zod, no tfjs): the theorem's claims beside our runs as a table, the sentences on the
// differences, the status verdict, the setting and the CSV. The same functions paint the page at build time and
// redraw it live. Every number comes from the summary (src/lib/experiments/deep-linear-summary.ts).
import type { DlCellSummary, DlSummary } from '../../../lib/experiments/deep-linear-schema.ts';
import { DL_ACTIVATIONS, DL_DEPTHS, type DlActivation } from '../../../lib/experiments/deep-linear-limits.ts';
import { escapeHtml, fill, sci, sentences } from '../shared/format.ts';

export { sci };

export const P = 'widget.deep-linear.';
type S = Record<string, string>;
type Origin = DlSummary['origin'][number];

const SUP: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
/** t², t³, …: the order at which the loss falls along the steepest direction from W = 0. */
export const tPower = (order: number) => `t${[...String(order)].map((c) => SUP[c] ?? c).join('')}`;

/** The cells of one activation, by depth (a cell not in the summary is left out). */
export const cellsOf = (summary: DlSummary, activation: DlActivation) => summary.cells.filter((c) => c.activation === activation);

/** Runs of a cell that did not diverge and ended more than gapTol above L*. */
export const above = (c: DlCellSummary, gapTol: number) => c.gaps.filter((g) => g > gapTol).length;

/** A linear cell where not every run that did not diverge is within tolerance of L*, or some run diverged. */
export const linearOff = (c: DlCellSummary) => c.runs > 0 && c.withinTol < c.runs;

/** What Corollary 2.4 predicts at W = 0: a negative eigenvalue at depth 2; none, and a fall at order L, from depth 3. */
export const originAgrees = (o: Origin) =>
  o.depth === 2 ? o.negative > 0 && o.verdict === 'saddle' : o.negative === 0 && o.order === o.depth;

const noRuns = (s: S) => `<span aria-label="${escapeHtml(s[`${P}noRuns`]!)}">–</span>`;
const offMark = (s: S) => ` <span class="repro-off" title="${escapeHtml(s[`${P}offTitle`]!)}">≠</span>`;

function oursLinear(s: S, summary: DlSummary, c: DlCellSummary | undefined): string {
  if (!c || c.runs === 0) return noRuns(s);
  const text = fill(s[`${P}oursLinear`]!, { within: c.withinTol, runs: c.runs, tol: sci(summary.setting.gapTol), max: sci(c.maxGap) });
  return escapeHtml(text) + (linearOff(c) ? offMark(s) : '');
}

function oursRelu(s: S, summary: DlSummary, c: DlCellSummary | undefined): string {
  if (!c || c.runs === 0) return noRuns(s);
  return escapeHtml(
    fill(s[`${P}oursRelu`]!, {
      above: above(c, summary.setting.gapTol),
      below: c.below,
      runs: c.runs,
      median: sci(c.medianGap),
      max: sci(c.maxGap),
      dead: c.dead,
    }),
  );
}

function oursOrigin(s: S, o: Origin | undefined): string {
  if (!o) return noRuns(s);
  const text = fill(s[`${P}oursOrigin`]!, {
    neg: o.negative,
    P: o.P,
    min: sci(o.hessianMin, 3),
    max: sci(o.hessianMax, 3),
    c: sci(o.coefficient, 3),
    power: tPower(o.order),
  });
  return escapeHtml(text) + (originAgrees(o) ? '' : offMark(s));
}

export interface TableInput {
  committed: DlSummary;
  /** The live run's summary, and whether it is still partial. */
  live?: { summary: DlSummary; partial: boolean };
}

/** The table: three row groups (linear final losses, the origin, ReLU final losses), one row per depth. */
export function tableHtml(s: S, { committed, live }: TableInput): string {
  const liveHead = live ? `<th scope="col">${escapeHtml(s[live.partial ? 'widget.repro.colPartial' : 'widget.repro.colLive']!)}</th>` : '';
  const head =
    `<thead><tr><th scope="col">${escapeHtml(s[`${P}colDepth`]!)}</th>` +
    `<th scope="col">${escapeHtml(s['widget.repro.colPaper']!)}</th>` +
    `<th scope="col">${escapeHtml(s['widget.repro.colCommitted']!)}</th>${liveHead}</tr></thead>`;
  const span = live ? 4 : 3;
  const group = (title: string, rows: string[]) =>
    `<tbody><tr class="repro-group"><th scope="rowgroup" colspan="${span}">${escapeHtml(title)}</th></tr>${rows.join('')}</tbody>`;
  const row = (depth: number, paper: string, mine: string, theirs: string | null) =>
    `<tr><th scope="row">${depth}</th><td class="dl-paper">${escapeHtml(paper)}</td><td>${mine}</td>${theirs === null ? '' : `<td>${theirs}</td>`}</tr>`;
  const cell = (sum: DlSummary, a: DlActivation, depth: number) => sum.cells.find((c) => c.activation === a && c.depth === depth);
  const origin = (sum: DlSummary, depth: number) => sum.origin.find((o) => o.depth === depth);
  const linear = DL_DEPTHS.map((d) =>
    row(
      d,
      s[`${P}paperLinear`]!,
      oursLinear(s, committed, cell(committed, 'linear', d)),
      live ? oursLinear(s, live.summary, cell(live.summary, 'linear', d)) : null,
    ),
  );
  const origins = DL_DEPTHS.map((d) =>
    row(
      d,
      s[d === 2 ? `${P}paperOrigin2` : `${P}paperOriginDeep`]!,
      oursOrigin(s, origin(committed, d)),
      live ? oursOrigin(s, origin(live.summary, d)) : null,
    ),
  );
  const relu = DL_DEPTHS.map((d) =>
    row(
      d,
      s[`${P}paperRelu`]!,
      oursRelu(s, committed, cell(committed, 'relu', d)),
      live ? oursRelu(s, live.summary, cell(live.summary, 'relu', d)) : null,
    ),
  );
  const caption = fill(s[`${P}caption`]!, { runs: committed.setting.runsPerCell, lstar: sci(committed.data.globalMinLoss, 4) });
  return (
    `<table class="dl-table"><caption>${escapeHtml(caption)}</caption>${head}` +
    group(s[`${P}groupLinear`]!, linear) +
    group(s[`${P}groupOrigin`]!, origins) +
    group(s[`${P}groupRelu`]!, relu) +
    `</table>`
  );
}

/** The sentences under the table: where our runs differ from what the theorem predicts, and the likely causes. */
export function differencesHtml(s: S, summary: DlSummary): string {
  const st = summary.setting;
  const tol = sci(st.gapTol);
  const items: string[] = [];
  if (!summary.data.conditions.hold) items.push(s[`${P}diffHypothesesFail`]!);
  const lin = summary.linear;
  if (lin.runs > 0)
    items.push(
      fill(s[`${P}diffLinear`]!, {
        within: lin.withinTol,
        runs: lin.runs,
        tol,
        lstar: sci(summary.data.globalMinLoss, 4),
        max: sci(lin.maxGap),
      }),
    );
  for (const c of cellsOf(summary, 'linear').filter(linearOff)) {
    const off = above(c, st.gapTol);
    if (off > 0)
      items.push(
        fill(s[`${P}diffLinearCell`]!, {
          depth: c.depth,
          off,
          runs: c.runs,
          tol,
          max: sci(c.maxGap),
          finished: c.finished,
          steps: st.steps,
          gradTol: sci(st.gradTol),
          grad: sci(c.maxGradNorm),
        }),
      );
    if (c.diverged > 0) items.push(fill(s[`${P}diffLinearDiverged`]!, { depth: c.depth, diverged: c.diverged, runs: c.runs, lr: st.lr }));
  }
  const origins = summary.origin;
  const wrong = origins.filter((o) => !originAgrees(o));
  if (origins.length > 0 && wrong.length === 0) {
    const two = origins.find((o) => o.depth === 2);
    const deep = origins.filter((o) => o.depth > 2);
    const parts = [
      two ? fill(s[`${P}diffOrigin2`]!, { neg: two.negative, P: two.P, min: sci(two.hessianMin, 4), exact: sci(two.analyticMin, 4) }) : '',
      deep.length
        ? fill(s[`${P}diffOriginDeep`]!, {
            depths: deep.map((o) => o.depth).join(s[`${P}depthSep`]!),
            orders: deep.map((o) => fill(s[`${P}orderAt`]!, { power: tPower(o.order), depth: o.depth })).join(s[`${P}listSep`]!),
          })
        : '',
    ];
    items.push(sentences([s[`${P}diffOriginAgree`]!, ...parts]));
  }
  for (const o of wrong)
    items.push(fill(s[`${P}diffOriginOff`]!, { depth: o.depth, neg: o.negative, power: tPower(o.order), fd: sci(o.fdError) }));
  const relu = cellsOf(summary, 'relu').filter((c) => c.runs > 0);
  if (relu.length > 0) {
    const sum = (f: (c: DlCellSummary) => number) => relu.reduce((t, c) => t + f(c), 0);
    items.push(
      fill(s[`${P}diffRelu`]!, {
        runs: sum((c) => c.runs),
        above: sum((c) => above(c, st.gapTol)),
        below: sum((c) => c.below),
        dead: sum((c) => c.dead),
        tol,
        converged: sum((c) => c.converged),
      }),
    );
    items.push(
      fill(s[`${P}diffReluDepth`]!, {
        list: relu
          .map((c) => fill(s[`${P}medianAt`]!, { depth: c.depth, median: sci(c.medianGap), max: sci(c.maxGap) }))
          .join(s[`${P}listSep`]!),
      }),
    );
  }
  items.push(s[`${P}diffNote`]!);
  return `<h3 class="repro-differences-title">${escapeHtml(s['widget.repro.differences']!)}</h3><ul>${items
    .map((t) => `<li>${escapeHtml(t)}</li>`)
    .join('')}</ul>`;
}

/** The status sentence about a summary: runs and divergence, linear runs at L*, and the linear cells that miss it. */
export function verdict(s: S, summary: DlSummary): string {
  const off = cellsOf(summary, 'linear').filter(linearOff);
  return sentences([
    fill(s[`${P}verdictRuns`]!, { runs: summary.runs, diverged: summary.diverged }),
    fill(s[`${P}verdictLinear`]!, { within: summary.linear.withinTol, runs: summary.linear.runs, tol: sci(summary.setting.gapTol) }),
    off.length ? fill(s[`${P}verdictOff`]!, { depths: off.map((c) => c.depth).join(s[`${P}depthSep`]!) }) : '',
  ]);
}

/** The setting as translated term/definition pairs (our choices: the paper has no experiment). */
export function settingEntries(s: S, summary: DlSummary): { term: string; detail: string }[] {
  const st = summary.setting;
  const d = summary.data;
  const c = d.conditions;
  const ok = (b: boolean) => s[b ? `${P}holds` : `${P}fails`]!;
  const v = {
    samples: st.samples,
    dx: st.dx,
    dy: st.dy,
    hidden: st.hidden,
    scale: st.scale,
    noise: st.noise,
    dataSeed: st.dataSeed,
    lr: st.lr,
    steps: st.steps,
    gradTol: sci(st.gradTol),
    gapTol: sci(st.gapTol),
    initScale: st.initScale,
    runs: st.runsPerCell,
    lstar: sci(d.globalMinLoss, 4),
    kind: fill(s[`${P}kind.${d.globalMinKind}`]!, { rank: d.globalMinRank }),
    l0: sci(d.lossAtOrigin, 4),
    xxt: c.xxtRank,
    xxtOk: ok(c.xxtFullRank),
    xyt: c.xytRank,
    xytOk: ok(c.xytFullRank),
    dyOk: ok(c.dyAtMostDx),
    sigma: c.sigmaEigenvalues.map((x) => sci(x, 3)).join(', '),
    sigmaOk: ok(c.sigmaDistinct),
    gap: sci(c.sigmaMinRelativeGap, 2),
  };
  return (['data', 'hypotheses', 'model', 'loss', 'init', 'optimizer', 'budget', 'runs', 'success'] as const).map((k) => ({
    term: s[`${P}term.${k}`]!,
    detail: fill(s[`${P}set.${k}`]!, v),
  }));
}

/** The CSV of a summary: one line per cell, with the histogram of gaps over DL_GAP_EDGES. */
export function summaryCsv(summary: DlSummary): string {
  const edges = summary.setting.gapEdges;
  const bins = ['below_0', ...edges.slice(1).map((e, i) => `${edges[i]}_to_${e}`), `above_${edges.at(-1)}`];
  const head = [
    'activation,depth,runs,converged,finished,diverged,dead,within_tol,below,min_gap,median_gap,max_gap,min_loss,max_loss,median_steps,max_grad_norm',
    ...bins.map((b) => `n_${b}`),
  ].join(',');
  const rows = DL_ACTIVATIONS.flatMap((a) =>
    cellsOf(summary, a).map((c) =>
      [
        c.activation,
        c.depth,
        c.runs,
        c.converged,
        c.finished,
        c.diverged,
        c.dead,
        c.withinTol,
        c.below,
        c.minGap ?? '',
        c.medianGap ?? '',
        c.maxGap ?? '',
        c.minLoss ?? '',
        c.maxLoss ?? '',
        c.medianSteps ?? '',
        c.maxGradNorm ?? '',
        ...c.histogram,
      ].join(','),
    ),
  );
  return [head, ...rows].join('\n') + '\n';
}
