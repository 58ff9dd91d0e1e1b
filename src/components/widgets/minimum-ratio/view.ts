// Page code of MinimumRatio (no zod, no tfjs): the lecture's reading of its plot beside our networks as a table, the
// table of ratios by tolerance, the sentences on the differences, the status verdict, the setting and the CSV. The
// same functions paint the page at build time and redraw it live. Every number comes from the summary
// (src/lib/experiments/minimum-ratio-summary.ts).
import type { MrSummary } from '../../../lib/experiments/minimum-ratio-schema.ts';
import { escapeHtml, fill, sci, sentences } from '../shared/format.ts';
import { powerOfTen } from '../shared/chart-theme.ts';

export const P = 'widget.minimum-ratio.';
type S = Record<string, string>;

/** A ratio or share as it is read: 0.553. */
export const ratio = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(3));
/** A share as a percentage: 0.26 %. */
export const percent = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${Number((100 * x).toPrecision(2))} %`);
/** τ/λ_max of the grid as a power of ten, 0 as 0. */
export const tauLabel = (t: number) => (t === 0 ? '0' : powerOfTen(t));

const ROWS = ['largest', 'typical', 'down', 'allPositive', 'hw', 'noNegative', 'certified', 'layer'] as const;
type Row = (typeof ROWS)[number];

function ours(s: S, m: MrSummary, row: Row): string {
  const n = m.networks - m.diverged;
  const v = {
    n,
    max0: ratio(m.ratioZero.max),
    max: ratio(m.ratio.max),
    med0: ratio(m.ratioZero.median),
    med: ratio(m.ratio.median),
    neg: percent(m.extreme?.negativeShare),
    zero: percent(m.extreme?.zeroShare),
    pos: percent(m.extreme?.ratio),
    allPositive: m.allPositive,
    hw0: m.hwLikeZero,
    hw: m.hwLike,
    noNegative: m.noNegative,
    certified: m.certified,
    layer: m.layerNegative,
  };
  if (m.networks === 0) return escapeHtml(s[`${P}noRuns`]!);
  if (row === 'down' && !m.extreme) return '–';
  return escapeHtml(fill(s[`${P}ours.${row}`]!, v));
}

/** Whether our number for a row says what the lecture says (a ≠ marks the rows where it does not). */
export function agrees(m: MrSummary, row: Row): boolean | null {
  switch (row) {
    case 'largest':
      return m.ratioZero.max === null ? null : Math.abs(m.ratioZero.max - 0.5) <= 0.15;
    case 'down':
      return m.extreme === null ? null : m.extreme.negativeShare >= 0.35;
    case 'allPositive':
      return m.networks === 0 ? null : m.allPositive === 0;
    case 'layer':
      return m.networks === 0 ? null : m.layerNegative === 0;
    default:
      return null;
  }
}

export interface TableInput {
  committed: MrSummary;
  live?: { summary: MrSummary; partial: boolean };
}

/** The table: one row per claim, the lecture's column, ours precomputed and (while or after a live run) ours live. */
export function tableHtml(s: S, { committed, live }: TableInput): string {
  const liveHead = live ? `<th scope="col">${escapeHtml(s[live.partial ? 'widget.repro.colPartial' : 'widget.repro.colLive']!)}</th>` : '';
  const off = ` <span class="repro-off" title="${escapeHtml(s[`${P}offTitle`]!)}">≠</span>`;
  const cell = (m: MrSummary, row: Row) => ours(s, m, row) + (agrees(m, row) === false ? off : '');
  const rows = ROWS.map(
    (row) =>
      `<tr><th scope="row">${escapeHtml(s[`${P}row.${row}`]!)}</th><td class="mr-paper">${escapeHtml(s[`${P}paper.${row}`]!)}</td>` +
      `<td>${cell(committed, row)}</td>${live ? `<td>${cell(live.summary, row)}</td>` : ''}</tr>`,
  ).join('');
  const st = committed.setting;
  const caption = fill(s[`${P}caption`]!, { n: committed.networks, h: st.hidden, P: st.parameters, N: st.samples });
  return (
    `<table class="mr-table"><caption>${escapeHtml(caption)}</caption>` +
    `<colgroup><col class="mr-col-claim"><col class="mr-col-lecture"><col>${live ? '<col>' : ''}</colgroup><thead><tr>` +
    `<th scope="col">${escapeHtml(s[`${P}colClaim`]!)}</th><th scope="col">${escapeHtml(s[`${P}colLecture`]!)}</th>` +
    `<th scope="col">${escapeHtml(s['widget.repro.colCommitted']!)}</th>${liveHead}</tr></thead><tbody>${rows}</tbody></table>`
  );
}

/** The small table under the chart: the median minimum ratio and share of negative eigenvalues at every τ. */
export function tauTableHtml(s: S, m: MrSummary, id = 'minimum-ratio-tau'): string {
  const title = fill(s[`${P}tauCaption`]!, { n: m.networks - m.diverged });
  const grid = m.setting.tauGrid;
  const head = grid.map((t) => `<th scope="col">${escapeHtml(tauLabel(t))}</th>`).join('');
  const line = (label: string, values: (number | null)[], f: (x: number | null) => string) =>
    `<tr><th scope="row">${escapeHtml(label)}</th>${values.map((x) => `<td>${escapeHtml(f(x))}</td>`).join('')}</tr>`;
  return (
    // The title sits outside the scrolling box, so a phone shows all of it while the table scrolls sideways.
    `<p class="mr-tau-title" id="${id}">${escapeHtml(title)}</p><div class="mr-tau-scroll"><table class="mr-tau" aria-labelledby="${id}">` +
    `<thead><tr><th scope="col">${escapeHtml(s[`${P}tauHead`]!)}</th>${head}</tr></thead><tbody>` +
    line(s[`${P}tauRatio`]!, m.ratioByTau, ratio) +
    line(s[`${P}tauNegative`]!, m.negativeByTau, percent) +
    `</tbody></table></div>`
  );
}

/** The sentences under the table: where our networks differ from the lecture's reading, and why. */
export function differencesHtml(s: S, m: MrSummary): string {
  const st = m.setting;
  const n = m.networks - m.diverged;
  const items: string[] = [];
  if (n > 0 && m.extreme) {
    items.push(
      fill(s[`${P}diffRatio`]!, {
        min0: ratio(m.ratioZero.min),
        max0: ratio(m.ratioZero.max),
        med0: ratio(m.ratioZero.median),
        zero: percent(m.extreme.zeroShare),
        P: st.parameters,
        N: st.samples,
        min: ratio(m.ratio.min),
        max: ratio(m.ratio.max),
        med: ratio(m.ratio.median),
      }),
    );
    items.push(
      fill(s[`${P}diffDown`]!, {
        negMed: percent(m.negativeShare.median),
        negMax: percent(m.negativeShare.max),
        certified: m.certified,
        n,
        noNegative: m.noNegative,
      }),
    );
    items.push(fill(s[`${P}diffHw`]!, { hw0: m.hwLikeZero, hw: m.hwLike, n, allPositive: m.allPositive }));
    items.push(
      fill(s[`${P}diffGrad`]!, {
        below: m.belowHwGrad,
        n,
        med: sci(m.gradNorm.median),
        max: sci(m.gradNorm.max),
        dead: m.dead.median ?? '–',
        h: st.hidden,
      }),
    );
    items.push(fill(s[`${P}diffLayer`]!, { layer: m.layerNegative, n }));
  }
  if (m.diverged > 0) items.push(fill(s[`${P}diffDiverged`]!, { diverged: m.diverged, networks: m.networks }));
  items.push(s[`${P}diffNote`]!);
  return `<h3 class="repro-differences-title">${escapeHtml(s[`${P}differences`]!)}</h3><ul>${items
    .map((t) => `<li>${escapeHtml(t)}</li>`)
    .join('')}</ul>`;
}

/** The status sentence about a summary. */
export function verdict(s: S, m: MrSummary): string {
  return sentences([
    fill(s[`${P}verdictRuns`]!, { n: m.networks, h: m.setting.hidden, diverged: m.diverged }),
    fill(s[`${P}verdictHw`]!, { hw0: m.hwLikeZero, hw: m.hwLike, allPositive: m.allPositive }),
  ]);
}

/** The setting as translated term/definition pairs. */
export function settingEntries(s: S, m: MrSummary): { term: string; detail: string }[] {
  const st = m.setting;
  const v = {
    N: st.samples,
    a: st.frequency,
    h: st.hidden,
    P: st.parameters,
    trainSteps: st.trainSteps,
    trainLr: st.trainLr,
    criticalSteps: st.criticalSteps,
    criticalLr: st.criticalLr,
    gradStop: sci(st.gradStop),
    tau: sci(st.tau),
    hwGrad: sci(st.hwGrad),
    hwRatio: st.hwRatio,
    networks: st.networks,
  };
  return (['data', 'model', 'init', 'optimizer', 'critical', 'hessian', 'ratio', 'runs', 'success'] as const).map((k) => ({
    term: s[`${P}term.${k}`]!,
    detail: fill(s[`${P}set.${k}`]!, v),
  }));
}

/** The CSV of a summary: one line per network. */
export function summaryCsv(m: MrSummary): string {
  const head =
    'network,loss,grad_norm,ratio_zero,ratio_tau,negative_below_tau,lambda_min,certificate,homework_rule_zero,homework_rule_tau,dead_units,state';
  const rows = m.points.map((p, i) =>
    [i, p.loss, p.gradNorm, p.ratioZero, p.ratio, p.negative, p.lambdaMin, p.certificate, p.hwZero, p.hw, p.dead, p.state].join(','),
  );
  return [head, ...rows].join('\n') + '\n';
}
