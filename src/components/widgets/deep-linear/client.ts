// <saddle-deep-linear>: the reproduction element (shared/reproduction-element.ts) with DeepLinear's table and chart.
import type { ConfigOf } from '../../../lib/experiments/index.ts';
import type { DlSummary } from '../../../lib/experiments/deep-linear-schema.ts';
import type { StateOf } from '../shared/fields.ts';
import { ReproductionElement, type ReproParts } from '../shared/reproduction-element.ts';
import type { DeepLinearProps } from './props.ts';
import { fields } from './fields.ts';
import { differencesHtml, summaryCsv, tableHtml, verdict } from './view.ts';
import { chartLabel, dlChart } from './chart.ts';

class DeepLinearElement extends ReproductionElement<DeepLinearProps, 'deep-linear', DlSummary, typeof fields> {
  protected readonly experiment = 'deep-linear' as const;
  protected readonly fields = fields;
  protected readonly parts: ReproParts<DlSummary> = {
    table: tableHtml,
    differences: differencesHtml,
    verdict,
    csv: summaryCsv,
    chartBox: '.dl-chart',
    chartWidth: [320, 560],
    chart: dlChart,
    chartLabel,
  };

  protected liveConfig(state: StateOf<typeof fields>): ConfigOf<'deep-linear'> {
    return { runs: state.runs, blocks: state.blocks, steps: state.steps };
  }
}

customElements.define('saddle-deep-linear', DeepLinearElement);
