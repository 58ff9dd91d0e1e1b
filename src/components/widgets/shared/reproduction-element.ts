// Base of every reproduction widget's element: the committed summary first, then live runs of the experiment's
// lighter preset in the worker with a new seed, partial tables as jobs finish, progress with elapsed time and time
// left, Cancel (the partial table stays), Reset (back to the committed file), the fields and seed in the URL.
import type { ConfigOf, ExperimentId } from '../../../lib/experiments/index.ts';
import type { SweepPartial, SweepResult } from '../../../lib/experiments/sweep.ts';
import { stateFrom, short, type FieldTable, type StateOf } from './fields.ts';
import { boxWidth, WidgetElement, type ExportBundle } from './widget-element.ts';
import { widgetChannel, isAbort, type WidgetChannel } from './worker-client.ts';
import { duration, progressText } from './reproduction-text.ts';

/** What the widget shows: the committed file's summary, a live run's partial summary, or a finished live run's. */
export interface ReproView<Sum> {
  summary: Sum;
  source: 'committed' | 'partial' | 'live';
  /** The seed of a live run (the committed file's seed is in its provenance line). */
  seed?: number;
  done?: number;
  total?: number;
}

type Strings = Record<string, string>;

/**
 * What a reproduction draws from a summary, from its view.ts and chart.ts: the table of the paper's numbers beside
 * ours, the differences, the status verdict, the CSV and the chart. The element paints the table and the
 * differences in one task and the chart in the next, so neither holds the main thread for long.
 */
export interface ReproParts<Sum> {
  table(s: Strings, input: { committed: Sum; live?: { summary: Sum; partial: boolean } }): string;
  differences(s: Strings, summary: Sum): string;
  verdict(s: Strings, summary: Sum): string;
  csv(summary: Sum): string;
  /** The chart's box inside [data-part="chart"], e.g. ".xj-chart", and the width range it is drawn at. */
  chartBox: string;
  chartWidth: readonly [number, number];
  chart(input: { document: Document; summary: Sum; strings: Strings; width: number }): SVGSVGElement;
  chartLabel(s: Strings, summary: Sum): string;
  /** More parts drawn with the table, by selector inside the element (MinimumRatio's table of tolerances). */
  extras?(s: Strings, summary: Sum, id: string): Record<string, string>;
}

/** Redraws a partial table at most this often, so a fast run never floods the main thread with redraws. */
const REDRAW_MS = 250;

export abstract class ReproductionElement<
  Config extends { id: string },
  Id extends ExperimentId,
  Sum,
  F extends FieldTable,
> extends WidgetElement<Config> {
  protected abstract readonly experiment: Id;
  protected abstract readonly fields: F;
  /** The live run's config from the fields (the preset, with the fields' values). */
  protected abstract liveConfig(state: StateOf<F>): ConfigOf<Id>;
  /** The widget's table, chart, differences, verdict and CSV. */
  protected abstract readonly parts: ReproParts<Sum>;
  protected state!: StateOf<F>;
  protected defaults!: StateOf<F>;
  protected view!: ReproView<Sum>;
  private committed!: Sum;
  private channel!: WidgetChannel;
  private started = 0;
  private lastDraw = 0;
  private drawTimer = 0;
  private stageTimer = 0;
  private running = false;
  private userCancelled = false;

  protected init(): void {
    this.channel = widgetChannel(this.dataset.saddleWidget ?? 'reproduction');
    this.committed = JSON.parse(this.dataset.initial ?? 'null') as Sum;
    this.view = { summary: this.committed, source: 'committed' };
    this.defaults = stateFrom(this.fields, this.config as unknown as Partial<Record<keyof F, unknown>>);
    this.state = this.readFieldState(this.fields, this.defaults);
    this.showFieldValues(this.fields, this.state);
    this.bindNumberInputs(
      this.fields,
      () => this.state,
      (name, value, notice) => {
        const changed = this.state[name] !== value;
        (this.state as Record<string, number>)[name] = value;
        this.showFieldValues(this.fields, this.state);
        if (changed) this.start(notice);
        else if (notice) this.announce(notice, 'error');
      },
    );
    this.button('run').addEventListener('click', () => {
      const seed = this.numberField(this.fields, 'seed');
      (this.state as Record<string, number>).seed = this.state.seed === seed.max ? seed.min : (this.state.seed as number) + 1;
      this.showFieldValues(this.fields, this.state);
      this.start(null);
    });
    this.button('cancel').addEventListener('click', () => this.cancel());
    this.button('reset').addEventListener('click', () => this.reset());
    // The build drew the chart at its widest; draw it again at this box's width, and whenever that changes.
    this.paint();
    const chart = this.querySelector<HTMLElement>('[data-part="chart"]');
    if (chart) {
      let width = chart.clientWidth;
      this.watchSize([chart], () => {
        if (chart.clientWidth === width) return;
        width = chart.clientWidth;
        this.paint();
      });
    }
    // A shared link with other settings reproduces what its sender saw: run them at once.
    const fromLink = Object.keys(this.fields).some((k) => this.state[k] !== this.defaults[k]);
    if (fromLink) this.start(this.querySelector('.widget-status')?.getAttribute('data-kind') === 'error' ? this.statusText() : null);
  }

  private button(action: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  }

  private statusText(): string {
    return this.querySelector('.widget-status')?.textContent ?? '';
  }

  private setRunning(running: boolean): void {
    this.running = running;
    this.button('cancel').disabled = !running;
    this.querySelector<HTMLElement>('.repro-progress')!.hidden = !running;
  }

  private showProgress(done: number, total: number, fraction: number): void {
    const bar = this.querySelector<HTMLProgressElement>('.repro-progress progress')!;
    bar.value = fraction;
    this.querySelector('.repro-progress-text')!.textContent = progressText(this.strings, done, total, fraction, this.elapsed());
  }

  private elapsed = () => (performance.now() - this.started) / 1000;

  /** Draws the current view: the table, its extras and the differences now, the chart in the next task (a newer paint supersedes it). */
  private paint(): void {
    clearTimeout(this.stageTimer);
    const { parts, strings: s } = this;
    const view = this.view;
    const live = view.source === 'committed' ? undefined : { summary: view.summary, partial: view.source === 'partial' };
    this.querySelector('[data-part="table"]')!.innerHTML = parts.table(s, { committed: this.committed, ...(live ? { live } : {}) });
    for (const [selector, html] of Object.entries(parts.extras?.(s, view.summary, this.config.id) ?? {}))
      this.querySelector(selector)!.innerHTML = html;
    this.querySelector('[data-part="differences"]')!.innerHTML = parts.differences(
      s,
      view.source === 'committed' ? this.committed : view.summary,
    );
    this.stageTimer = window.setTimeout(() => {
      const box = this.querySelector<HTMLElement>(`[data-part="chart"] ${parts.chartBox}`)!;
      box.replaceChildren(parts.chart({ document, summary: view.summary, strings: s, width: boxWidth(box, ...parts.chartWidth) }));
      box.setAttribute('aria-label', parts.chartLabel(s, view.summary));
    }, 0);
  }

  /** A status sentence about a finished view (e.g. how many runs diverged), appended to the shared one. */
  private verdict(view: ReproView<Sum>): string {
    return this.parts.verdict(this.strings, view.summary);
  }

  protected exportBundle(): ExportBundle {
    return { name: `saddle-${this.config.id}`, json: this.exportJson(), csv: this.parts.csv(this.view.summary), svg: this.chartSvg() };
  }

  /** Redraws now, or soon if it just did (the last partial view always gets drawn). */
  private redraw(): void {
    clearTimeout(this.drawTimer);
    const wait = this.lastDraw + REDRAW_MS - performance.now();
    if (wait > 0 && this.view.source === 'partial') {
      this.drawTimer = window.setTimeout(() => this.redraw(), wait);
      return;
    }
    this.lastDraw = performance.now();
    this.paint();
  }

  /** Starts a live run of the fields' settings (a newer start supersedes a running one); `notice` explains a changed value. */
  private start(notice: string | null): void {
    this.saveUrl();
    this.clearRunError();
    this.userCancelled = false;
    this.started = performance.now();
    this.setRunning(true);
    this.showProgress(0, 1, 0);
    // Tests and the bench read how many jobs of the live run are in (0 until the first partial table).
    this.dataset.done = '0';
    const seed = this.state.seed as number;
    this.announce([notice, this.t('widget.repro.running', { seed })].filter(Boolean).join(' '), notice ? 'error' : 'info');
    let done = 0,
      total = 0;
    const config = this.liveConfig(this.state);
    // The bench re-runs exactly this in Node for its baseline.
    this.dataset.run = JSON.stringify({ config, seed });
    const run = this.channel.run(this.experiment, config, seed, {
      onProgress: (p) => {
        const partial = p.partial as SweepPartial<Sum> | undefined;
        if (partial) {
          ({ done, total } = partial);
          this.dataset.done = String(done);
          this.view = { summary: partial.summary, source: 'partial', seed, done, total };
          this.redraw();
        }
        this.showProgress(done, total || 1, p.fraction);
      },
    });
    void this.track(run).then(
      ({ result }) => {
        const r = result as unknown as SweepResult<unknown, Sum>;
        this.setRunning(false);
        this.view = { summary: r.summary, source: 'live', seed, done: r.results.length, total: r.results.length };
        this.redraw();
        const finished = this.t('widget.repro.finished', { total: r.results.length, time: duration(this.strings, this.elapsed()), seed });
        this.announce([notice, finished, this.verdict(this.view)].filter(Boolean).join(' '));
      },
      (err: unknown) => {
        if (isAbort(err)) {
          if (!this.userCancelled) return; // superseded by a newer start, which owns the status now
          this.setRunning(false);
          const shown =
            this.view.source === 'partial' ? this.t('widget.repro.cancelledPartial', { done, total }) : this.t('widget.repro.cancelled');
          this.announce(shown);
          return;
        }
        this.setRunning(false);
        this.reportRunError(err, () => this.start(null));
      },
    );
  }

  private cancel(): void {
    if (!this.running) return;
    this.userCancelled = true;
    this.channel.cancel();
  }

  private reset(): void {
    if (this.running) {
      this.userCancelled = false;
      this.channel.cancel();
      this.setRunning(false);
    }
    this.clearRunError();
    this.state = { ...this.defaults };
    this.showFieldValues(this.fields, this.state);
    this.view = { summary: this.committed, source: 'committed' };
    this.redraw();
    this.saveUrl();
    this.announce(this.t('widget.repro.resetDone'));
  }

  private saveUrl(): void {
    this.writeFieldState(this.fields, this.state, this.defaults);
  }

  protected override dispose(): void {
    clearTimeout(this.drawTimer);
    clearTimeout(this.stageTimer);
    if (this.running) this.channel.cancel();
  }

  /** The JSON download: what is shown, where it came from, and the settings that made it. */
  protected exportJson(): unknown {
    const settings = Object.fromEntries(Object.keys(this.fields).map((k) => [k, short(this.state[k] as number)]));
    return { experiment: this.experiment, shown: this.view.source, seed: this.view.seed ?? null, settings, summary: this.view.summary };
  }

  /** The chart's SVG for the figure downloads. */
  protected chartSvg(): SVGSVGElement | null {
    return this.querySelector<SVGSVGElement>('[data-part="chart"] svg');
  }
}
