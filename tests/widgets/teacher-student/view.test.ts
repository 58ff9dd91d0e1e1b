// TeacherStudent's table and sentences from the committed summary: the paper's rows beside ours, the cells marked ≠
// exactly where the paper's percentage leaves our interval, and every count said in both languages.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { TeacherStudentSummary } from '../../../src/lib/experiments/teacher-student-summary.ts';
import { uiStrings } from '../../../src/lib/i18n/ui.ts';
import {
  compared,
  differencesHtml,
  disagrees,
  settingEntries,
  summaryCsv,
  tableHtml,
  verdict,
} from '../../../src/components/widgets/teacher-student/view.ts';

const summary = (
  JSON.parse(readFileSync(new URL('../../../src/content/results/teacher-student.json', import.meta.url), 'utf8')) as {
    summary: TeacherStudentSummary;
  }
).summary;
const dom = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;

describe.each(['en', 'zh-tw'] as const)('TeacherStudent view (%s)', (locale) => {
  const s = uiStrings(locale) as unknown as Record<string, string>;

  it("has one row per cell with the paper's percentage and ours, and ≠ on exactly the disagreeing cells", () => {
    const doc = dom(tableHtml(s, { committed: summary }));
    const rows = [...doc.querySelectorAll('tbody tr:not(.repro-group)')];
    expect(rows).toHaveLength(summary.cells.length);
    expect(doc.querySelectorAll('tbody')).toHaveLength(3);
    const off = summary.cells.filter(disagrees);
    expect(off.length).toBeGreaterThan(0);
    expect(doc.querySelectorAll('.repro-off')).toHaveLength(off.length);
    const c = summary.cells.find((x) => x.k === 13 && x.n === 13)!;
    const row = [...doc.querySelectorAll('tbody')[0]!.querySelectorAll('tr')].find((r) => r.querySelector('th')?.textContent === '13')!;
    expect(row.textContent).toContain('73.0%');
    expect(row.textContent).toContain(`${c.percent!.toFixed(1)}%`);
    expect(row.querySelector('.repro-off')).not.toBeNull();
    // The live column appears only with a live run, and shows its cells.
    const live = dom(tableHtml(s, { committed: summary, live: { summary, partial: true } }));
    expect(live.querySelectorAll('thead th')).toHaveLength(6);
  });

  it('says how many cells disagree, the extra-neuron counts, the step budget and the unfinished runs', () => {
    const text = dom(differencesHtml(s, summary)).body.textContent!;
    const cmp = compared(summary);
    expect(text).toContain(String(cmp.length));
    expect(text).toContain(`(${summary.cells.filter(disagrees)[0]!.k}, `);
    expect(text).toContain(String(summary.protocol.maxSteps));
    expect(text).not.toMatch(/\{\w+\}/);
    const table = dom(tableHtml(s, { committed: summary })).body.textContent!;
    expect(table).toContain(String(summary.extraNeuron.tried));
    expect(table).toContain(String(summary.extraNeuron.global));
    expect(verdict(s, summary)).toContain(String(summary.totals.runs));
    for (const e of settingEntries(s, summary)) expect(e.detail).not.toMatch(/\{\w+\}|undefined/);
  });
});

it('the CSV has one line per cell and the paper column', () => {
  const lines = summaryCsv(summary).trim().split('\n');
  expect(lines).toHaveLength(summary.cells.length + 1);
  expect(lines.find((l) => l.startsWith('6,6,'))).toContain(',0.3,');
});
