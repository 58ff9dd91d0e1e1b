// <saddle-teacher-student>: the reproduction element (shared/reproduction-element.ts) with TeacherStudent's table and chart.
import type { ConfigOf } from '../../../lib/experiments/index.ts';
import type { TeacherStudentSummary } from '../../../lib/experiments/teacher-student-summary.ts';
import { liveTeachers, TS_LIVE } from '../../../lib/experiments/teacher-student-limits.ts';
import type { StateOf } from '../shared/fields.ts';
import { ReproductionElement, type ReproParts } from '../shared/reproduction-element.ts';
import type { TeacherStudentProps } from './props.ts';
import { fields } from './fields.ts';
import { differencesHtml, summaryCsv, tableHtml, verdict } from './view.ts';
import { chartLabel, tsChart } from './chart.ts';

class TeacherStudentElement extends ReproductionElement<TeacherStudentProps, 'teacher-student', TeacherStudentSummary, typeof fields> {
  protected readonly experiment = 'teacher-student' as const;
  protected readonly fields = fields;
  protected readonly parts: ReproParts<TeacherStudentSummary> = {
    table: tableHtml,
    differences: differencesHtml,
    verdict,
    csv: summaryCsv,
    chartBox: '.ts-chart',
    chartWidth: [320, 560],
    chart: tsChart,
    chartLabel,
  };

  protected liveConfig(state: StateOf<typeof fields>): ConfigOf<'teacher-student'> {
    return {
      ks: liveTeachers(state.kMax),
      nMinusK: [...TS_LIVE.nMinusK],
      runsPerJob: state.runs,
      runsPerCell: state.runs * state.blocks,
    };
  }
}

customElements.define('saddle-teacher-student', TeacherStudentElement);
