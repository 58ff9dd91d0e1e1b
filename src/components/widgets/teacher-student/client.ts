// <saddle-teacher-student>: the reproduction element (shared/reproduction-element.ts) with TeacherStudent's table and chart.
import type { ConfigOf } from '../../../lib/experiments/index.ts';
import type { TeacherStudentSummary } from '../../../lib/experiments/teacher-student-summary.ts';
import { liveTeachers, TS_LIVE } from '../../../lib/experiments/teacher-student-limits.ts';
import type { StateOf } from '../shared/fields.ts';
import { boxWidth, type ExportBundle } from '../shared/widget-element.ts';
import { ReproductionElement, type ReproView } from '../shared/reproduction-element.ts';
import type { TeacherStudentProps } from './props.ts';
import { fields } from './fields.ts';
import { differencesHtml, summaryCsv, tableHtml, verdict } from './view.ts';
import { chartLabel, tsChart } from './chart.ts';

class TeacherStudentElement extends ReproductionElement<TeacherStudentProps, 'teacher-student', TeacherStudentSummary, typeof fields> {
  protected readonly experiment = 'teacher-student' as const;
  protected readonly fields = fields;
  private committedSummary?: TeacherStudentSummary;

  protected liveConfig(state: StateOf<typeof fields>): ConfigOf<'teacher-student'> {
    return {
      ks: liveTeachers(state.kMax),
      nMinusK: [...TS_LIVE.nMinusK],
      runsPerJob: state.runs,
      runsPerCell: state.runs * state.blocks,
    };
  }

  /** The table and the differences now, the chart in a task of its own (each stage stays well under 50 ms). */
  protected draw(view: ReproView<TeacherStudentSummary>): () => void {
    this.committedSummary ??= JSON.parse(this.dataset.initial ?? 'null') as TeacherStudentSummary;
    const committed = this.committedSummary;
    const live = view.source === 'committed' ? undefined : { summary: view.summary, partial: view.source === 'partial' };
    this.querySelector('[data-part="table"]')!.innerHTML = tableHtml(this.strings, { committed, ...(live ? { live } : {}) });
    this.querySelector('[data-part="differences"]')!.innerHTML = differencesHtml(
      this.strings,
      view.source === 'committed' ? committed : view.summary,
    );
    return () => {
      const box = this.querySelector<HTMLElement>('[data-part="chart"] .ts-chart')!;
      box.replaceChildren(tsChart({ document, summary: view.summary, strings: this.strings, width: boxWidth(box, 320, 560) }));
      box.setAttribute('aria-label', chartLabel(this.strings, view.summary));
    };
  }

  protected verdict(view: ReproView<TeacherStudentSummary>): string {
    return verdict(this.strings, view.summary);
  }

  protected exportBundle(): ExportBundle {
    return { name: `saddle-${this.config.id}`, json: this.exportJson(), csv: summaryCsv(this.view.summary), svg: this.chartSvg() };
  }
}

customElements.define('saddle-teacher-student', TeacherStudentElement);
