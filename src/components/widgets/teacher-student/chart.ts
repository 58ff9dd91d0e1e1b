// TeacherStudent's chart: the share of runs ending at a certified spurious minimum against the teacher size k, ours
// (dots, 95% bars, solid line) beside the paper's (open circles, dashed line), one panel per student width n − k.
import * as Plot from '@observablehq/plot';
import type { TeacherStudentSummary } from '../../../lib/experiments/teacher-student-summary.ts';
import { CHART_STYLE, plot } from '../shared/chart-theme.ts';
import { fill } from '../shared/format.ts';
import { offsetLabel, offsetsOf, P } from './view.ts';

export const TS_COLORS = { ours: '#3b82c4', paper: 'currentColor' } as const;

export interface TsChartInput {
  document: Document;
  summary: TeacherStudentSummary;
  strings: Record<string, string>;
  width?: number;
}

interface Point {
  row: string;
  k: number;
  percent: number | null;
  lower: number | null;
  upper: number | null;
}

export function tsChart({ document, summary, strings: s, width = 560 }: TsChartInput): SVGSVGElement {
  const rowOf = (c: { k: number; n: number }) => offsetLabel(s, c.n - c.k);
  const ours: Point[] = summary.cells
    .filter((c) => c.percent !== null)
    .map((c) => ({ row: rowOf(c), k: c.k, percent: c.percent, lower: c.interval![0], upper: c.interval![1] }));
  const paper = summary.cells.flatMap((c) => (c.paper.status === 'row' ? [{ row: rowOf(c), k: c.k, percent: c.paper.percent }] : []));
  const rows = offsetsOf(summary).map((dn) => offsetLabel(s, dn));
  const ks = summary.cells.map((c) => c.k);
  const [kMin, kMax] = [Math.min(...ks), Math.max(...ks)];
  const step = kMax - kMin > 8 ? 2 : 1;
  const ticks = Array.from({ length: Math.floor((kMax - kMin) / step) + 1 }, (_, i) => kMin + i * step);
  return plot(
    {
      document,
      width,
      height: 70 + rows.length * 130,
      marginLeft: 44,
      marginRight: 12,
      marginTop: 14,
      marginBottom: 40,
      style: CHART_STYLE,
      fy: { domain: rows, label: null, padding: 0.18, axis: null },
      x: { domain: [kMin - 0.5, kMax + 0.5], ticks, tickFormat: 'd', label: s[`${P}axisK`]!, labelAnchor: 'center', labelArrow: 'none' },
      y: { domain: [0, 100], ticks: [0, 50, 100], label: s[`${P}axisPercent`]!, labelAnchor: 'center', labelArrow: 'none', grid: true },
      marks: [
        Plot.frame({ strokeOpacity: 0.2 }),
        Plot.text(rows, {
          fy: (r: string) => r,
          frameAnchor: 'top-left',
          dx: 4,
          dy: 3,
          text: (r: string) => r,
          fontSize: 11,
          fontWeight: 600,
        }),
        Plot.line(paper, { fy: 'row', x: 'k', y: 'percent', stroke: TS_COLORS.paper, strokeOpacity: 0.7, strokeDasharray: '4 3' }),
        Plot.dot(paper, { fy: 'row', x: 'k', y: 'percent', r: 3.5, stroke: TS_COLORS.paper, fill: 'none', strokeWidth: 1.4 }),
        Plot.ruleX(ours, { fy: 'row', x: 'k', y1: 'lower', y2: 'upper', stroke: TS_COLORS.ours, strokeWidth: 1.6 }),
        Plot.line(ours, { fy: 'row', x: 'k', y: 'percent', stroke: TS_COLORS.ours, strokeWidth: 2 }),
        Plot.dot(ours, { fy: 'row', x: 'k', y: 'percent', r: 3.5, fill: TS_COLORS.ours }),
      ],
    },
    { minHeight: 70 + rows.length * 130 },
  ) as unknown as SVGSVGElement;
}

/** What the chart shows, for screen readers. */
export const chartLabel = (s: Record<string, string>, summary: TeacherStudentSummary) =>
  fill(s[`${P}chartLabel`]!, { runs: Math.max(0, ...summary.cells.map((c) => c.runs)) });
