// Page code of TeacherStudent (no zod, no tfjs): Safran & Shamir's Tables 1 and 2 beside our counts, what one more
// neuron does, the sentences on the differences, the status verdict, the setting and the CSV. The same functions
// paint the page at build time and redraw it live.
import type { TeacherStudentCell, TeacherStudentSummary } from '../../../lib/experiments/teacher-student-summary.ts';
import { PAPER_RUNS_PER_CELL, PAPER_MAX_N } from '../../../lib/experiments/teacher-student-paper.ts';
import { escapeHtml, fill, sentences } from '../shared/format.ts';

export const P = 'widget.teacher-student.';
type S = Record<string, string>;
type Cell = TeacherStudentCell;

/** The offsets n − k of a summary's cells, ascending. */
export const offsetsOf = (summary: TeacherStudentSummary) => [...new Set(summary.cells.map((c) => c.n - c.k))].sort((a, b) => a - b);

/** "n = k", "n = k + 1", … in the page's language. */
export const offsetLabel = (s: S, dn: number) => (dn === 0 ? s[`${P}nEqK`]! : fill(s[`${P}nPlus`]!, { dn }));

const pct = (x: number) => `${x.toFixed(1)}%`;
const two = (x: number) => Number(x.toPrecision(2)).toString();

/** The paper's percentage lies outside our 95% interval (only for cells with a table row and runs of ours). */
export const disagrees = (c: Cell) =>
  c.paper.status === 'row' && c.interval !== null && (c.paper.percent < c.interval[0] || c.paper.percent > c.interval[1]);

/** The cells the comparison is about: a paper row, and runs of ours. */
export const compared = (summary: TeacherStudentSummary) => summary.cells.filter((c) => c.paper.status === 'row' && c.runs > 0);

function paperCellHtml(s: S, c: Cell): string {
  if (c.paper.status === 'row') return pct(c.paper.percent);
  return `<span class="repro-muted">${escapeHtml(s[`${P}paper.${c.paper.status}`]!)}</span>`;
}

function oursHtml(s: S, c: Cell | undefined): string {
  if (!c || c.percent === null) return `<span aria-label="${escapeHtml(s[`${P}noRuns`]!)}">–</span>`;
  const mark = disagrees(c) ? ` <span class="repro-off" title="${escapeHtml(s[`${P}offTitle`]!)}">≠</span>` : '';
  return `${pct(c.percent)} <span class="repro-ci">(${c.interval![0].toFixed(1)}–${c.interval![1].toFixed(1)})</span>${mark}`;
}

/** "paper / ours" for the averages at the certified minima (λ_min or F). */
function pairHtml(c: Cell, key: 'lambdaMin' | 'loss'): string {
  const theirs = c.paper.status === 'row' ? two(c.paper[key]) : '–';
  const ours = c[key] === null ? '–' : two(c[key]);
  return `${theirs} / ${ours}`;
}

export interface TableInput {
  committed: TeacherStudentSummary;
  /** The live run's summary, and whether it is still partial. */
  live?: { summary: TeacherStudentSummary; partial: boolean };
}

/** The table: one row group per n − k, one row per teacher size k. */
export function tableHtml(s: S, { committed, live }: TableInput): string {
  const liveHead = live ? `<th scope="col">${escapeHtml(s[live.partial ? 'widget.repro.colPartial' : 'widget.repro.colLive']!)}</th>` : '';
  const th = (key: string) => `<th scope="col">${escapeHtml(s[key]!)}</th>`;
  const head = `<thead><tr>${th(`${P}colK`)}${th('widget.repro.colPaper')}${th('widget.repro.colCommitted')}${th(`${P}colLambda`)}${th(`${P}colLoss`)}${liveHead}</tr></thead>`;
  const span = live ? 6 : 5;
  const bodies = offsetsOf(committed).map((dn) => {
    const rows = committed.cells
      .filter((c) => c.n - c.k === dn)
      .map((c) => {
        const l = live
          ? `<td>${oursHtml(
              s,
              live.summary.cells.find((x) => x.k === c.k && x.n === c.n),
            )}</td>`
          : '';
        return `<tr><th scope="row">${c.k}</th><td>${paperCellHtml(s, c)}</td><td>${oursHtml(s, c)}</td><td>${pairHtml(c, 'lambdaMin')}</td><td>${pairHtml(c, 'loss')}</td>${l}</tr>`;
      });
    return `<tbody><tr class="repro-group"><th scope="rowgroup" colspan="${span}">${escapeHtml(offsetLabel(s, dn))}</th></tr>${rows.join('')}</tbody>`;
  });
  const runs = committed.cells[0]?.runs ?? 0;
  const caption = fill(s[`${P}caption`]!, { runs, paperRuns: PAPER_RUNS_PER_CELL });
  return `<table><caption>${escapeHtml(caption)}</caption>${head}${bodies.join('')}</table>${extraHtml(s, committed)}`;
}

/** What one more neuron did, per n − k: trials, how many then reached the global minimum, how many another minimum. */
export function extraHtml(s: S, summary: TeacherStudentSummary): string {
  const e = summary.extraNeuron;
  if (e.tried === 0) return `<p class="repro-note">${escapeHtml(s[`${P}extraNone`]!)}</p>`;
  const parts = offsetsOf(summary).flatMap((dn) => {
    const cells = summary.cells.filter((c) => c.n - c.k === dn);
    const tried = cells.reduce((t, c) => t + c.extra.tried, 0);
    const global = cells.reduce((t, c) => t + c.extra.global, 0);
    return tried ? [fill(s[`${P}extraPart`]!, { group: offsetLabel(s, dn), global, tried })] : [];
  });
  const text = fill(s[`${P}extra`]!, {
    tried: e.tried,
    scale: e.scale,
    global: e.global,
    spurious: e.spurious,
    certified: e.certified,
    unfinished: e.unfinished,
    parts: parts.join(s[`${P}listSep`]!),
  });
  return `<p class="repro-note">${escapeHtml(text)}</p>`;
}

/** Half-width, in percentage points, of a 95% interval at 50% with `runs` runs (the widest case). */
export const halfWidth = (runs: number) => (runs > 0 ? 196 * Math.sqrt(0.25 / runs) : 0);

const cellName = (c: Cell) => `(${c.k}, ${c.n})`;

/** The sentences under the table: the cells that disagree and the likely causes of every difference. */
export function differencesHtml(s: S, summary: TeacherStudentSummary): string {
  const cmp = compared(summary);
  const off = cmp.filter(disagrees);
  const runs = Math.max(0, ...summary.cells.map((c) => c.runs));
  const items: string[] = [];
  items.push(
    fill(s[`${P}diffCount`]!, {
      off: off.length,
      cells: cmp.length,
      expected: Math.round(0.05 * cmp.length * 10) / 10,
      list: off.map((c) => `${cellName(c)}: ${pct((c.paper as { percent: number }).percent)} / ${pct(c.percent!)}`).join(s[`${P}listSep`]!),
    }),
  );
  items.push(
    fill(s[`${P}diffSampling`]!, {
      runs,
      paperRuns: PAPER_RUNS_PER_CELL,
      ours: halfWidth(runs).toFixed(1),
      theirs: halfWidth(PAPER_RUNS_PER_CELL).toFixed(1),
    }),
  );
  const foundWhereNone = summary.cells.filter((c) => c.paper.status === 'none-found' && c.certified > 0);
  const none = summary.cells.filter((c) => c.paper.status === 'none-found' && c.runs > 0);
  if (none.length)
    items.push(
      foundWhereNone.length
        ? fill(s[`${P}diffNoneFoundSome`]!, { cells: none.length, list: foundWhereNone.map(cellName).join(', ') })
        : fill(s[`${P}diffNoneFound`]!, { cells: none.length }),
    );
  const beyond = summary.cells.filter((c) => c.paper.status === 'not-run' && c.runs > 0);
  if (beyond.length)
    items.push(
      fill(s[`${P}diffNotRun`]!, {
        maxN: PAPER_MAX_N,
        list: beyond.map((c) => `${cellName(c)}: ${pct(c.percent!)}`).join(s[`${P}listSep`]!),
      }),
    );
  const t = summary.totals;
  items.push(fill(s[`${P}diffBudget`]!, { maxSteps: summary.protocol.maxSteps, unfinished: t.unfinished }));
  items.push(fill(s[`${P}diffEarlyStop`]!, { threshold: summary.protocol.spuriousLoss, climbs: t.climbs }));
  const above = summary.cells.reduce((n, c) => n + c.spurious + c.unfinished, 0);
  const certified = summary.cells.reduce((n, c) => n + c.certified, 0);
  items.push(fill(s[`${P}diffCertificate`]!, { above, certified, failed: above - certified }));
  const checked = summary.cells.filter((c) => c.k === c.n && (c.k === 10 || c.k === 11) && c.loss !== null);
  const ours = checked.map((c) => `${cellName(c)} ${c.loss!.toFixed(3)}`).join(s[`${P}listSep`]!);
  items.push(sentences([s[`${P}diffLossColumn`]!, ...(checked.length ? [fill(s[`${P}diffLossOurs`]!, { list: ours })] : [])]));
  return `<h3 class="repro-differences-title">${escapeHtml(s['widget.repro.differences']!)}</h3><ul>${items
    .map((x) => `<li>${escapeHtml(x)}</li>`)
    .join('')}</ul>`;
}

/** The status sentence about a summary: runs, divergence and unfinished runs said plainly, the cells that disagree. */
export function verdict(s: S, summary: TeacherStudentSummary): string {
  const t = summary.totals;
  const cmp = compared(summary);
  return sentences([
    fill(s[t.diverged + t.unfinished === 0 ? `${P}verdictClean` : `${P}verdictSome`]!, {
      runs: t.runs,
      cells: summary.cells.length,
      diverged: t.diverged,
      unfinished: t.unfinished,
    }),
    fill(s[`${P}verdictOff`]!, { off: cmp.filter(disagrees).length, cells: cmp.length }),
  ]);
}

/** The setting as translated term/definition pairs (the authors' protocol, and where ours departs from it). */
export function settingEntries(s: S, summary: TeacherStudentSummary): { term: string; detail: string }[] {
  const ks = summary.cells.map((c) => c.k);
  const ns = offsetsOf(summary);
  const p = summary.protocol;
  const v = {
    kMin: Math.min(...ks),
    kMax: Math.max(...ks),
    offsets: ns.map((dn) => offsetLabel(s, dn)).join(', '),
    lr: p.lr,
    maxSteps: p.maxSteps,
    threshold: p.spuriousLoss,
    runs: Math.max(0, ...summary.cells.map((c) => c.runs)),
    paperRuns: PAPER_RUNS_PER_CELL,
    scale: summary.extraNeuron.scale,
  };
  return (['data', 'model', 'loss', 'init', 'optimizer', 'budget', 'success', 'runs'] as const).map((k) => ({
    term: s[`${P}term.${k}`]!,
    detail: fill(s[`${P}set.${k}`]!, v),
  }));
}

/** The CSV of a summary: one line per cell. */
export function summaryCsv(summary: TeacherStudentSummary): string {
  const head =
    'k,n,runs,global,spurious,unfinished,diverged,certified,percent,lower95,upper95,lambda_min,loss,mean_steps,paper_percent,paper_lambda_min,paper_loss,paper_status,extra_tried,extra_global,extra_spurious';
  const rows = summary.cells.map((c) => {
    const paper = c.paper.status === 'row' ? [c.paper.percent, c.paper.lambdaMin, c.paper.loss] : ['', '', ''];
    return [
      c.k,
      c.n,
      c.runs,
      c.global,
      c.spurious,
      c.unfinished,
      c.diverged,
      c.certified,
      c.percent ?? '',
      c.interval?.[0] ?? '',
      c.interval?.[1] ?? '',
      c.lambdaMin ?? '',
      c.loss ?? '',
      c.meanSteps ?? '',
      ...paper,
      c.paper.status,
      c.extra.tried,
      c.extra.global,
      c.extra.spurious,
    ].join(',');
  });
  return [head, ...rows].join('\n') + '\n';
}
