// <saddle-minimum-ratio>: the reproduction element (shared/reproduction-element.ts) with MinimumRatio's tables and chart.
import type { ConfigOf } from '../../../lib/experiments/index.ts';
import type { MrSummary } from '../../../lib/experiments/minimum-ratio-schema.ts';
import type { StateOf } from '../shared/fields.ts';
import { ReproductionElement, type ReproParts } from '../shared/reproduction-element.ts';
import type { MinimumRatioProps } from './props.ts';
import { fields } from './fields.ts';
import { differencesHtml, summaryCsv, tableHtml, tauTableHtml, verdict } from './view.ts';
import { chartLabel, mrChart } from './chart.ts';

class MinimumRatioElement extends ReproductionElement<MinimumRatioProps, 'minimum-ratio', MrSummary, typeof fields> {
  protected readonly experiment = 'minimum-ratio' as const;
  protected readonly fields = fields;
  protected readonly parts: ReproParts<MrSummary> = {
    table: tableHtml,
    differences: differencesHtml,
    verdict,
    csv: summaryCsv,
    chartBox: '.mr-chart',
    chartWidth: [300, 560],
    chart: mrChart,
    chartLabel,
    extras: (s, summary, id) => ({ '[data-part="chart"] .mr-tau-box': tauTableHtml(s, summary, `${id}-tau`) }),
  };

  protected liveConfig(state: StateOf<typeof fields>): ConfigOf<'minimum-ratio'> {
    return {
      runs: state.runs,
      blocks: state.blocks,
      hidden: state.hidden,
      trainSteps: state.trainSteps,
      criticalSteps: state.criticalSteps,
    };
  }
}

customElements.define('saddle-minimum-ratio', MinimumRatioElement);
