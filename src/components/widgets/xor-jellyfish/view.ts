// Page code of XorJellyfish (no zod, no tfjs): the table of the paper's rates beside ours, the sentences on the
// differences, the status verdict and the CSV. The same functions paint the page at build time and redraw it live.
import type { XjCellSummary, XjSummary } from '../../../lib/experiments/xor-jellyfish.ts';
import {
  XJ_ACTIVATIONS,
  XJ_DATASETS,
  XJ_OPTIMIZERS,
  type XjActivation,
  type XjDataset,
  type XjOptimizer,
} from '../../../lib/experiments/xor-jellyfish-paper.ts';
import { escapeHtml, fill, sentences } from '../shared/format.ts';

export const P = 'widget.xor-jellyfish.';
type S = Record<string, string>;

export interface Group {
  optimizer: XjOptimizer;
  dataset: XjDataset;
  activation: XjActivation;
}

/** The eight lines of the table (optimizer, data set, activation), in the paper's column order. */
export const GROUPS: readonly Group[] = XJ_OPTIMIZERS.flatMap((optimizer) =>
  XJ_DATASETS.flatMap((dataset) => XJ_ACTIVATIONS.map((activation) => ({ optimizer, dataset, activation }))),
);

export const groupKey = (g: Group) => `${g.optimizer}-${g.dataset}-${g.activation}`;
export const inGroup = (g: Group) => (c: XjCellSummary) =>
  c.optimizer === g.optimizer && c.dataset === g.dataset && c.activation === g.activation;

/** "Adam · XOR · ReLU" in the page's language. */
export const groupLabel = (s: S, g: Group) =>
  `${s[`${P}opt.${g.optimizer}`]} · ${s[`${P}data.${g.dataset}`]} · ${s[`${P}act.${g.activation}`]}`;

const pct = (x: number) => `${Math.round(100 * x)}%`;

/** Whether the paper's rate lies outside our 95% interval (only once the cell has runs). */
export const disagrees = (c: XjCellSummary) => c.rate !== null && (c.paper < c.lower! || c.paper > c.upper!);

/** "64% (58–70%)", or "–" before any run of the cell is in. */
function ours(s: S, c: XjCellSummary | undefined): string {
  if (!c || c.rate === null) return `<span aria-label="${escapeHtml(s[`${P}noRuns`]!)}">–</span>`;
  const mark = disagrees(c) ? ` <span class="repro-off" title="${escapeHtml(s[`${P}offTitle`]!)}">≠</span>` : '';
  return `${pct(c.rate)} <span class="repro-ci">(${Math.round(100 * c.lower!)}–${pct(c.upper!)})</span>${mark}`;
}

export interface TableInput {
  committed: XjSummary;
  /** The live run's summary, and whether it is still partial. */
  live?: { summary: XjSummary; partial: boolean };
}

/** The table: one row group per (optimizer, data set, activation), one row per width h. */
export function tableHtml(s: S, { committed, live }: TableInput): string {
  const liveHead = live ? `<th scope="col">${escapeHtml(s[live.partial ? 'widget.repro.colPartial' : 'widget.repro.colLive']!)}</th>` : '';
  const head =
    `<thead><tr><th scope="col">${escapeHtml(s[`${P}colH`]!)}</th>` +
    `<th scope="col">${escapeHtml(s['widget.repro.colPaper']!)}</th>` +
    `<th scope="col">${escapeHtml(s['widget.repro.colCommitted']!)}</th>${liveHead}</tr></thead>`;
  const span = live ? 4 : 3;
  const bodies = GROUPS.map((g) => {
    const mine = committed.cells.filter(inGroup(g));
    const theirs = live?.summary.cells.filter(inGroup(g)) ?? [];
    const rows = mine.map((c, i) => {
      const l = live ? `<td>${ours(s, theirs[i])}</td>` : '';
      return `<tr><th scope="row">${c.h}</th><td>${pct(c.paper)}</td><td>${ours(s, c)}</td>${l}</tr>`;
    });
    return `<tbody><tr class="repro-group"><th scope="rowgroup" colspan="${span}">${escapeHtml(groupLabel(s, g))}</th></tr>${rows.join('')}</tbody>`;
  });
  const caption = fill(s[`${P}caption`]!, { runs: committed.setting.runsPerCell });
  return `<table><caption>${escapeHtml(caption)}</caption>${head}${bodies.join('')}</table>`;
}

/** The sentences under the table: how many cells disagree, where, which way, and the likely causes. */
export function differencesHtml(s: S, summary: XjSummary): string {
  const withRuns = summary.cells.filter((c) => c.rate !== null);
  const off = withRuns.filter(disagrees);
  const items: string[] = [fill(s[`${P}diffCount`]!, { off: off.length, cells: withRuns.length })];
  for (const g of GROUPS) {
    const cells = off.filter(inGroup(g));
    if (cells.length === 0) continue;
    const higher = cells.filter((c) => c.rate! > c.paper).length;
    const key = higher === cells.length ? 'diffHigher' : higher === 0 ? 'diffLower' : 'diffMixed';
    items.push(
      fill(s[`${P}${key}`]!, {
        group: groupLabel(s, g),
        hs: cells.map((c) => c.h).join(', '),
        cause: s[`${P}cause.${groupKey(g)}`] ?? s[`${P}cause.default`]!,
      }),
    );
  }
  const dead = withRuns.filter((c) => c.activation === 'relu');
  const deadRuns = dead.reduce((t, c) => t + c.dead, 0);
  const reluRuns = dead.reduce((t, c) => t + c.runs, 0);
  if (reluRuns > 0) items.push(fill(s[`${P}diffDead`]!, { dead: deadRuns, runs: reluRuns }));
  items.push(s[`${P}diffUnknown`]!);
  return `<h3 class="repro-differences-title">${escapeHtml(s['widget.repro.differences']!)}</h3><ul>${items
    .map((t) => `<li>${escapeHtml(t)}</li>`)
    .join('')}</ul>`;
}

/** The status sentence about a summary: runs, divergence said plainly, and the cells that disagree. */
export function verdict(s: S, summary: XjSummary): string {
  const withRuns = summary.cells.filter((c) => c.rate !== null);
  return sentences([
    fill(s[summary.diverged === 0 ? `${P}verdictNone` : `${P}verdictSome`]!, { runs: summary.runs, diverged: summary.diverged }),
    fill(s[`${P}verdictOff`]!, { off: withRuns.filter(disagrees).length, cells: withRuns.length }),
  ]);
}

/** The setting as translated term/definition pairs (our choices where the paper is silent). */
export function settingEntries(s: S, summary: XjSummary): { term: string; detail: string }[] {
  const st = summary.setting;
  const v = { steps: st.steps, gdLr: st.gdLr, adamLr: st.adamLr, initScale: st.initScale, runs: st.runsPerCell };
  const data = st.xorCentered ? 'setData.centered' : 'setData';
  return (['data', 'model', 'loss', 'init', 'optimizer', 'budget', 'success', 'runs'] as const).map((k) => ({
    term: s[`${P}term.${k}`]!,
    detail: fill(s[`${P}${k === 'data' ? data : `set.${k}`}`]!, v),
  }));
}

/** The CSV of a summary: one line per cell. */
export function summaryCsv(summary: XjSummary): string {
  const head = 'optimizer,dataset,activation,h,runs,successes,rate,lower95,upper95,paper,diverged,all_dead';
  const rows = summary.cells.map((c) =>
    [
      c.optimizer,
      c.dataset,
      c.activation,
      c.h,
      c.runs,
      c.successes,
      c.rate ?? '',
      c.lower ?? '',
      c.upper ?? '',
      c.paper,
      c.diverged,
      c.dead,
    ].join(','),
  );
  return [head, ...rows].join('\n') + '\n';
}
