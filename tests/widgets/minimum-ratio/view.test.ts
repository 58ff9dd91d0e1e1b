// MinimumRatio's text parts on the committed summary: the table prints the counts of the summary with the lecture's
// reading beside them, ≠ marks the rows where they disagree, the τ table follows the summary, and every string is
// filled in both languages.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { MrSummary } from '../../../src/lib/experiments/minimum-ratio-schema.ts';
import { uiStrings } from '../../../src/lib/i18n/ui.ts';
import {
  agrees,
  differencesHtml,
  percent,
  ratio,
  settingEntries,
  summaryCsv,
  tableHtml,
  tauTableHtml,
  verdict,
} from '../../../src/components/widgets/minimum-ratio/view.ts';
import { chartLabel, mrChart } from '../../../src/components/widgets/minimum-ratio/chart.ts';
import { expectSvgSnapshot, snapshotDocument } from '../snapshot.ts';

const file = JSON.parse(readFileSync(new URL('../../../src/content/results/minimum-ratio.json', import.meta.url), 'utf8')) as {
  summary: MrSummary;
};
const committed = file.summary;
const en = uiStrings('en') as Record<string, string>;
const zh = uiStrings('zh-tw') as Record<string, string>;
const clone = (): MrSummary => JSON.parse(JSON.stringify(committed)) as MrSummary;
const doc = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
/** Body rows of the claims table: [row header, lecture, ours…]. */
const rows = (html: string) => [...doc(html).querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()));

describe('MinimumRatio view on the committed summary', () => {
  it('prints the summary counts beside the lecture, and they agree with the per-network points', () => {
    const table = rows(tableHtml(en, { committed }));
    expect(table).toHaveLength(8);
    const byHead = new Map(table.map((r) => [r[0]!, r]));
    const hw = byHead.get(en['widget.minimum-ratio.row.hw']!)!;
    const pts = committed.points;
    expect(pts).toHaveLength(100);
    expect(hw[2]).toContain(
      `${pts.filter((p) => p.hwZero).length} of 100 counting λ > 0; ${pts.filter((p) => p.hw).length} counting λ > τ`,
    );
    const largest = byHead.get(en['widget.minimum-ratio.row.largest']!)!;
    expect(largest[2]).toContain(ratio(Math.max(...pts.map((p) => p.ratioZero))));
    expect(largest[2]).toContain(ratio(Math.max(...pts.map((p) => p.ratio))));
    expect(byHead.get(en['widget.minimum-ratio.row.certified']!)![2]).toBe(`${committed.certified} of 100`);
    // The homework rule at ‖∇L‖ < 10⁻³ and ratio > 0.5, recounted from the points.
    expect(pts.filter((p) => p.gradNorm < 1e-3 && p.ratioZero > 0.5).length).toBe(committed.hwLikeZero);
  });

  it('marks with ≠ exactly the rows where ours disagrees with the lecture', () => {
    const marked = rows(tableHtml(en, { committed })).map((r) => r[2]!.includes('≠'));
    // The most minimum-like network has far fewer than half of its eigenvalues below −τ.
    expect(committed.extreme!.negativeShare).toBeLessThan(0.35);
    expect(agrees(committed, 'down')).toBe(false);
    expect(marked).toEqual([false, false, true, false, false, false, false, false]);
    const s = clone();
    s.extreme!.negativeShare = 0.5;
    s.allPositive = 3;
    const again = rows(tableHtml(en, { committed: s })).map((r) => r[2]!.includes('≠'));
    expect(again).toEqual([false, false, false, true, false, false, false, false]);
  });

  it('adds a live column beside the committed one, with "so far" while partial', () => {
    const html = tableHtml(en, { committed, live: { summary: clone(), partial: true } });
    expect(html).toContain(en['widget.repro.colPartial']);
    expect(rows(html)[0]).toHaveLength(4);
  });

  it('prints the median ratio and negative share at every tolerance of the grid', () => {
    const d = doc(tauTableHtml(en, committed, 'x-tau'));
    const cells = [...d.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));
    expect(cells[0]).toEqual(committed.ratioByTau.map(ratio));
    expect(cells[1]).toEqual(committed.negativeByTau.map(percent));
    expect([...d.querySelectorAll('thead th')].map((t) => t.textContent).slice(1, 3)).toEqual(['0', '10⁻¹²']);
    expect(d.querySelector('table')!.getAttribute('aria-labelledby')).toBe('x-tau');
    expect(d.getElementById('x-tau')!.textContent).toContain('100 networks');
  });

  it('reports diverged networks, and says so when there are none', () => {
    expect(doc(differencesHtml(en, committed)).body.textContent).not.toContain('diverged');
    const s = clone();
    s.diverged = 2;
    expect(doc(differencesHtml(en, s)).body.textContent).toContain('2 of 100 networks diverged');
    expect(verdict(en, s)).toContain('2 diverged');
  });

  it('fills every placeholder in both languages (no "{name}" left, no missing string)', () => {
    for (const s of [en, zh]) {
      const all = [
        tableHtml(s, { committed, live: { summary: committed, partial: false } }),
        tauTableHtml(s, committed),
        differencesHtml(s, committed),
        verdict(s, committed),
        chartLabel(s, committed),
        ...settingEntries(s, committed).flatMap((e) => [e.term, e.detail]),
      ].join('\n');
      expect(all).not.toMatch(/\{(?!i :|λ)\w+\}|undefined|NaN/);
    }
    expect(settingEntries(zh, committed).map((e) => e.term)).toHaveLength(9);
    expect(settingEntries(en, committed).find((e) => e.term === 'Minimum ratio')!.detail).toContain('τ = 10⁻⁶ · λ_max');
  });

  it('writes one CSV line per network', () => {
    const lines = summaryCsv(committed).trim().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[0]!.split(',')).toHaveLength(lines[1]!.split(',').length);
  });

  it('draws loss against minimum ratio, each network twice (golden SVG)', () => {
    const svg = mrChart({ document: snapshotDocument(), summary: committed, strings: en, width: 560 });
    expect(svg.querySelectorAll('circle')).toHaveLength(200);
    const labels = [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(labels).toEqual(expect.arrayContaining(['0.0', '1.0', '10⁻⁴', 'minimum ratio', 'training loss L']));
    expectSvgSnapshot(svg, 'minimum-ratio/chart');
  });
});
