// LocalMinimumProbe's page-side drawing of the probe and descent panels: chart, text alternative and table together.
import type { DescendResult, ProbeResult } from '../../../lib/experiments/relu-probe.ts';
import { descentChart, probeChart } from './chart.ts';
import { D1_REFERENCE_LOSSES, probeBins } from './model.ts';
import { binRows, descentLabel, descentRows, probeLabel } from './view.ts';
import type { Text } from './text.ts';

/** The histogram of a probe, its text alternative and its table, drawn `width` px wide. */
export function drawProbePanel(root: HTMLElement, tx: Text, result: ProbeResult, width: number, chartOnly = false): void {
  const box = root.querySelector<HTMLElement>('.widget-probe-chart')!;
  const bins = probeBins(result.deltas);
  box.replaceChildren(probeChart({ document, bins, width, labels: { x: tx.t('axisDelta'), y: tx.t('axisCount') } }));
  if (chartOnly) return;
  box.setAttribute('aria-label', probeLabel(tx, result));
  root.querySelector('.widget-probe-table tbody')!.innerHTML = binRows(bins);
}

/** The loss along a descent, its text alternative and its table (shown in place of the hint). */
export function drawDescentPanel(root: HTMLElement, tx: Text, r: DescendResult, width: number): void {
  const chart = root.querySelector<HTMLElement>('.widget-descent-chart')!;
  const labels = { x: tx.t('colStep'), y: tx.t('axisLossLinear'), yLog: tx.t('axisLoss') };
  chart.replaceChildren(descentChart({ document, path: r.descent.path, references: D1_REFERENCE_LOSSES, width, labels }));
  chart.setAttribute('aria-label', descentLabel(tx, r.descent, r.lr));
  root.querySelector<HTMLElement>('.widget-descent-hint')!.hidden = true;
  const table = root.querySelector<HTMLTableElement>('.widget-descent-table')!;
  table.closest('details')!.hidden = false;
  table.querySelector('tbody')!.innerHTML = descentRows(r.descent);
}

/** Back to the hint that invites a descent (after Reset). */
export function clearDescentPanel(root: HTMLElement): void {
  root.querySelector<HTMLElement>('.widget-descent-chart')!.replaceChildren();
  root.querySelector<HTMLElement>('.widget-descent-hint')!.hidden = false;
  root.querySelector('.widget-descent-table')!.closest('details')!.hidden = true;
}

/** The data point (x, y) under a pointer on a Plot chart, through the SVG's own size (it may be drawn scaled). */
export function pointerToData(svg: SVGSVGElement, e: PointerEvent): [number, number] | null {
  const plot = svg as SVGSVGElement & { scale(name: string): { invert(v: number): number } };
  const rect = svg.getBoundingClientRect();
  const x = plot.scale('x').invert(((e.clientX - rect.left) * Number(svg.getAttribute('width'))) / rect.width);
  const y = plot.scale('y').invert(((e.clientY - rect.top) * Number(svg.getAttribute('height'))) / rect.height);
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}
