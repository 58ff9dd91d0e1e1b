// DeepLinear's text parts on the committed summary: the table prints every cell's counts from the summary, the
// differences name the linear cell whose gap exceeds the tolerance, and a broken or changed summary shows.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { DlSummary } from '../../../src/lib/experiments/deep-linear-schema.ts';
import { uiStrings } from '../../../src/lib/i18n/ui.ts';
import {
  differencesHtml,
  linearOff,
  originAgrees,
  sci,
  settingEntries,
  summaryCsv,
  tableHtml,
  verdict,
} from '../../../src/components/widgets/deep-linear/view.ts';
import { dlChart, chartLabel } from '../../../src/components/widgets/deep-linear/chart.ts';
import { expectSvgSnapshot, snapshotDocument } from '../snapshot.ts';

const file = JSON.parse(readFileSync(new URL('../../../src/content/results/deep-linear.json', import.meta.url), 'utf8')) as {
  summary: DlSummary;
};
const committed = file.summary;
const en = uiStrings('en') as Record<string, string>;
const zh = uiStrings('zh-tw') as Record<string, string>;
const clone = (): DlSummary => JSON.parse(JSON.stringify(committed)) as DlSummary;

/** The table's body rows as arrays of cell texts, by row group title. */
function tableRows(html: string): Map<string, string[][]> {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out = new Map<string, string[][]>();
  for (const body of document.querySelectorAll('tbody')) {
    const [title, ...rows] = [...body.querySelectorAll('tr')];
    out.set(
      title!.textContent!.trim(),
      rows.map((r) => [...r.children].map((c) => c.textContent!.trim())),
    );
  }
  return out;
}
const text = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body.textContent!;

describe('DeepLinear view on the committed summary', () => {
  it('prints the run counts of every cell from the summary, and they add up to its total', () => {
    const rows = tableRows(tableHtml(en, { committed }));
    const linear = rows.get(en['widget.deep-linear.groupLinear']!)!;
    const relu = rows.get(en['widget.deep-linear.groupRelu']!)!;
    expect(linear).toHaveLength(4);
    expect(relu).toHaveLength(4);
    let printed = 0;
    for (const [depth, , ours] of linear) {
      const c = committed.cells.find((x) => x.activation === 'linear' && x.depth === Number(depth))!;
      expect(ours).toContain(`${c.withinTol} of ${c.runs} within`);
      printed += Number(/of (\d+) within/.exec(ours!)![1]);
    }
    for (const [depth, , ours] of relu) {
      const c = committed.cells.find((x) => x.activation === 'relu' && x.depth === Number(depth))!;
      expect(ours).toContain(`of ${c.runs} above L*, ${c.below} below`);
      expect(ours).toContain(`${c.dead} with a dead layer`);
      printed += Number(/of (\d+) above/.exec(ours!)![1]);
    }
    expect(printed).toBe(committed.runs);
    expect(committed.runs).toBe(1024);
  });

  it('shows the Hessian at the origin per depth: negative eigenvalues at depth 2, none and order L from depth 3', () => {
    const origin = tableRows(tableHtml(en, { committed })).get(en['widget.deep-linear.groupOrigin']!)!;
    expect(origin.map((r) => r[0])).toEqual(['2', '3', '4', '5']);
    expect(origin[0]![2]).toContain(`${committed.origin[0]!.negative} of ${committed.origin[0]!.P} eigenvalues negative`);
    expect(origin[1]![2]).toContain('t³');
    expect(origin[3]![2]).toContain('t⁵');
    expect(committed.origin.every(originAgrees)).toBe(true);
  });

  it('adds a live column beside the committed one, with "so far" while partial', () => {
    const live = clone();
    const html = tableHtml(en, { committed, live: { summary: live, partial: true } });
    expect(html).toContain(en['widget.repro.colPartial']);
    expect(tableRows(html).get(en['widget.deep-linear.groupLinear']!)![0]).toHaveLength(4);
  });

  it('names the linear cell whose gap exceeds the tolerance in the differences and the verdict, and marks it ≠', () => {
    const off = committed.cells.filter((c) => c.activation === 'linear' && linearOff(c));
    expect(off.map((c) => c.depth)).toEqual([5]);
    const diff = text(differencesHtml(en, committed));
    expect(diff).toContain(`Linear, depth 5: 1 of 128 runs ended more than ${sci(committed.setting.gapTol)} above L*`);
    expect(diff).toContain(`largest gap ${sci(off[0]!.maxGap)}`);
    expect(diff).not.toContain('Linear, depth 4');
    expect(diff).toContain(`${committed.linear.withinTol} of ${committed.linear.runs} deep linear runs`);
    expect(verdict(en, committed)).toContain('depth 5');
    const linearRows = tableRows(tableHtml(en, { committed })).get(en['widget.deep-linear.groupLinear']!)!;
    expect(linearRows.map((r) => r[2]!.includes('≠'))).toEqual([false, false, false, true]);
  });

  it('says so when every linear run is within tolerance, and names a cell whose origin disagrees', () => {
    const s = clone();
    for (const c of s.cells) if (c.activation === 'linear') c.withinTol = c.runs;
    s.cells.find((c) => c.activation === 'linear' && c.depth === 5)!.gaps = [0];
    s.origin[1]!.negative = 3;
    const diff = text(differencesHtml(en, s));
    expect(diff).not.toContain('Linear, depth');
    expect(diff).toContain('Depth 3: at W = 0 we find 3 negative eigenvalues');
    expect(verdict(en, s)).not.toContain('outside the tolerance');
  });

  it('counts ReLU runs above and below L* and dead units from the cells', () => {
    const relu = committed.cells.filter((c) => c.activation === 'relu');
    const diff = text(differencesHtml(en, committed));
    const below = relu.reduce((t, c) => t + c.below, 0);
    const dead = relu.reduce((t, c) => t + c.dead, 0);
    expect(diff).toContain(`of 512 ReLU runs`);
    expect(diff).toContain(`${below} below it`);
    expect(diff).toContain(`${dead} with a hidden layer inactive`);
  });

  it('fills every placeholder in both languages (no "{name}" left, no missing string)', () => {
    for (const s of [en, zh]) {
      const all = [
        tableHtml(s, { committed, live: { summary: committed, partial: false } }),
        differencesHtml(s, committed),
        verdict(s, committed),
        chartLabel(s, committed),
        ...settingEntries(s, committed).flatMap((e) => [e.term, e.detail]),
      ].join('\n');
      expect(all).not.toMatch(/\{\w+\}|undefined|NaN/);
    }
    expect(settingEntries(zh, committed).map((e) => e.term)).toHaveLength(9);
  });

  it('formats gaps as they are read', () => {
    expect(sci(4.663611934618408e-16)).toBe('4.7 × 10⁻¹⁶');
    expect(sci(1e-12)).toBe('10⁻¹²');
    expect(sci(-0.063)).toBe('−0.063');
    expect(sci(0)).toBe('0');
    expect(sci(null)).toBe('–');
  });

  it('writes one CSV line per cell with the histogram over the gap bins', () => {
    const lines = summaryCsv(committed).trim().split('\n');
    expect(lines).toHaveLength(1 + committed.cells.length);
    const head = lines[0]!.split(',');
    const row = lines[1]!.split(',');
    expect(head).toHaveLength(row.length);
    expect(head.filter((h) => h.startsWith('n_'))).toHaveLength(committed.setting.gapEdges.length + 1);
  });

  it('draws the histogram of gaps per depth (golden SVG)', () => {
    const svg = dlChart({ document: snapshotDocument(), summary: committed, strings: en, width: 560 });
    const labels = [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(labels).toEqual(expect.arrayContaining(['L = 2', 'L = 5', '10⁻¹⁶', '10²']));
    expect(labels.join(' ')).not.toMatch(/e-|1e/);
    expectSvgSnapshot(svg, 'deep-linear/chart');
  });
});
