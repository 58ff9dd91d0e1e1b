// <saddle-xor-jellyfish>: the reproduction element (shared/reproduction-element.ts) with XorJellyfish's table and chart.
import type { ConfigOf } from '../../../lib/experiments/index.ts';
import type { XjSummary } from '../../../lib/experiments/xor-jellyfish.ts';
import type { StateOf } from '../shared/fields.ts';
import { ReproductionElement, type ReproParts } from '../shared/reproduction-element.ts';
import type { XorJellyfishProps } from './props.ts';
import { fields } from './fields.ts';
import { differencesHtml, summaryCsv, tableHtml, verdict } from './view.ts';
import { chartLabel, xjChart } from './chart.ts';

class XorJellyfishElement extends ReproductionElement<XorJellyfishProps, 'xor-jellyfish', XjSummary, typeof fields> {
  protected readonly experiment = 'xor-jellyfish' as const;
  protected readonly fields = fields;
  protected readonly parts: ReproParts<XjSummary> = {
    table: tableHtml,
    differences: differencesHtml,
    verdict,
    csv: summaryCsv,
    chartBox: '.xj-chart',
    chartWidth: [320, 560],
    chart: xjChart,
    chartLabel,
  };

  protected liveConfig(state: StateOf<typeof fields>): ConfigOf<'xor-jellyfish'> {
    return { runs: state.runs, blocks: state.blocks, steps: state.steps };
  }
}

customElements.define('saddle-xor-jellyfish', XorJellyfishElement);
