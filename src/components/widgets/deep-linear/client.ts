// <saddle-deep-linear>: the reproduction element (shared/reproduction-element.ts) with DeepLinear's table and chart.
import type { ConfigOf } from '../../../lib/experiments/index.ts';
import type { DlSummary } from '../../../lib/experiments/deep-linear-schema.ts';
import type { StateOf } from '../shared/fields.ts';
import { boxWidth, type ExportBundle } from '../shared/widget-element.ts';
import { ReproductionElement, type ReproView } from '../shared/reproduction-element.ts';
import type { DeepLinearProps } from './props.ts';
import { fields } from './fields.ts';
import { differencesHtml, summaryCsv, tableHtml, verdict } from './view.ts';
import { chartLabel, dlChart } from './chart.ts';

class DeepLinearElement extends ReproductionElement<DeepLinearProps, 'deep-linear', DlSummary, typeof fields> {
  protected readonly experiment = 'deep-linear' as const;
  protected readonly fields = fields;
  private committedSummary?: DlSummary;

  protected liveConfig(state: StateOf<typeof fields>): ConfigOf<'deep-linear'> {
    return { runs: state.runs, blocks: state.blocks, steps: state.steps };
  }

  protected draw(view: ReproView<DlSummary>): void {
    this.committedSummary ??= JSON.parse(this.dataset.initial ?? 'null') as DlSummary;
    const committed = this.committedSummary;
    const live = view.source === 'committed' ? undefined : { summary: view.summary, partial: view.source === 'partial' };
    this.querySelector('[data-part="table"]')!.innerHTML = tableHtml(this.strings, { committed, ...(live ? { live } : {}) });
    const box = this.querySelector<HTMLElement>('[data-part="chart"] .dl-chart')!;
    const svg = dlChart({ document, summary: view.summary, strings: this.strings, width: boxWidth(box, 320, 560) });
    box.replaceChildren(svg);
    box.setAttribute('aria-label', chartLabel(this.strings, view.summary));
    this.querySelector('[data-part="differences"]')!.innerHTML = differencesHtml(
      this.strings,
      view.source === 'committed' ? committed : view.summary,
    );
  }

  protected verdict(view: ReproView<DlSummary>): string {
    return verdict(this.strings, view.summary);
  }

  protected exportBundle(): ExportBundle {
    return { name: `saddle-${this.config.id}`, json: this.exportJson(), csv: summaryCsv(this.view.summary), svg: this.chartSvg() };
  }
}

customElements.define('saddle-deep-linear', DeepLinearElement);
