// <saddle-minimum-ratio>: the reproduction element (shared/reproduction-element.ts) with MinimumRatio's tables and chart.
import type { ConfigOf } from '../../../lib/experiments/index.ts';
import type { MrSummary } from '../../../lib/experiments/minimum-ratio-schema.ts';
import type { StateOf } from '../shared/fields.ts';
import { boxWidth, type ExportBundle } from '../shared/widget-element.ts';
import { ReproductionElement, type ReproView } from '../shared/reproduction-element.ts';
import type { MinimumRatioProps } from './props.ts';
import { fields } from './fields.ts';
import { differencesHtml, summaryCsv, tableHtml, tauTableHtml, verdict } from './view.ts';
import { chartLabel, mrChart } from './chart.ts';

class MinimumRatioElement extends ReproductionElement<MinimumRatioProps, 'minimum-ratio', MrSummary, typeof fields> {
  protected readonly experiment = 'minimum-ratio' as const;
  protected readonly fields = fields;
  private committedSummary?: MrSummary;

  protected liveConfig(state: StateOf<typeof fields>): ConfigOf<'minimum-ratio'> {
    return {
      runs: state.runs,
      blocks: state.blocks,
      hidden: state.hidden,
      trainSteps: state.trainSteps,
      criticalSteps: state.criticalSteps,
    };
  }

  /** The tables and the differences now, the chart in a task of its own (each stage stays well under 50 ms). */
  protected draw(view: ReproView<MrSummary>): () => void {
    this.committedSummary ??= JSON.parse(this.dataset.initial ?? 'null') as MrSummary;
    const committed = this.committedSummary;
    const live = view.source === 'committed' ? undefined : { summary: view.summary, partial: view.source === 'partial' };
    this.querySelector('[data-part="table"]')!.innerHTML = tableHtml(this.strings, { committed, ...(live ? { live } : {}) });
    this.querySelector('[data-part="chart"] .mr-tau-box')!.innerHTML = tauTableHtml(this.strings, view.summary, `${this.config.id}-tau`);
    this.querySelector('[data-part="differences"]')!.innerHTML = differencesHtml(
      this.strings,
      view.source === 'committed' ? committed : view.summary,
    );
    return () => {
      const box = this.querySelector<HTMLElement>('[data-part="chart"] .mr-chart')!;
      box.replaceChildren(mrChart({ document, summary: view.summary, strings: this.strings, width: boxWidth(box, 300, 560) }));
      box.setAttribute('aria-label', chartLabel(this.strings, view.summary));
    };
  }

  protected verdict(view: ReproView<MrSummary>): string {
    return verdict(this.strings, view.summary);
  }

  protected exportBundle(): ExportBundle {
    return { name: `saddle-${this.config.id}`, json: this.exportJson(), csv: summaryCsv(this.view.summary), svg: this.chartSvg() };
  }
}

customElements.define('saddle-minimum-ratio', MinimumRatioElement);
