// Part (b) of <saddle-dimensions-and-saddles>: samples GOE batches in the worker, shows the counts as they come,
// says how long the job has left, asks before a very long one, and stops, pauses and restarts cleanly.
import { batchSeed, goeCostMs, goeStats, mergeCounts, type GoeCount, type GoeDefiniteResult } from '../../../lib/experiments/goe-stats.ts';
import type { Progress } from '../../../lib/experiments/types.ts';
import { boxWidth } from '../shared/widget-element.ts';
import { widgetChannel, isAbort, type WidgetChannel } from '../shared/worker-client.ts';
import { goeChart } from './chart.ts';
import { addPace, batchSamples, jobMs, LONG_JOB_MS, NO_PACE, timeLeftMs, type Pace } from './model.ts';
import { counted, duration, goeLabel, goeRows, goeSummary, quickBatch, type QuickBatch, type Strings } from './view.ts';
import { MAX_BATCHES } from './fields.ts';
import { sentences } from '../shared/format.ts';

/** What part (b) needs from its element (the base class's protected helpers, handed over as closures). */
export interface GoeHost {
  root: HTMLElement;
  strings: Strings;
  t(key: string, params?: Record<string, string | number>): string;
  /** The sampled fields as they are now. */
  sizes(): { maxN: number; samples: number; seed: number };
  visible(): boolean;
  announce(message: string, kind?: 'info' | 'error'): void;
  track<T>(run: Promise<T>): Promise<T>;
  reportRunError(err: unknown, retry: () => void): void;
  clearRunError(): void;
  /** The completed batches changed: mirror them into the URL. */
  saved(): void;
}

const P = 'widget.dimensions-and-saddles.';
/** Least time between two redraws of partial counts while a batch runs. */
const PARTIAL_PAINT_MS = 300;

export class GoePart {
  /** Summed counts of the completed batches; `target` batches are wanted. */
  counts: GoeCount[] = [];
  done = 0;
  target = 1;
  private channel: WidgetChannel = widgetChannel('dimensions-and-saddles');
  /** Bumped by Stop, a restart, a reset and going off screen: a loop or a progress report of an older token is stale. */
  private token = 0;
  private running = false;
  private pausedOffscreen = false;
  private pace: Pace = NO_PACE;
  private lastMs = 0;
  /** A message that goes before the sampling statuses until the job ends (why the counts started over). */
  private notice: string | null = null;
  /** The sizes and number of batches the reader agreed to, so the same job is not asked about twice. */
  private confirmed = { key: '', target: 0 };
  /** The number of batches the open question is about. */
  private asked = 0;
  private drawn: readonly GoeCount[] = [];
  private lastPaint = 0;
  svg: SVGSVGElement | null = null;

  private host: GoeHost;

  constructor(host: GoeHost) {
    this.host = host;
    const q = <E extends Element>(sel: string) => host.root.querySelector<E>(sel)!;
    q('[data-action=more]').addEventListener('click', () => this.request(Math.min(MAX_BATCHES, Math.max(this.target, this.done) + 1)));
    q('[data-action=stop]').addEventListener('click', () => this.stop());
    q('[data-action=confirm]').addEventListener('click', () => this.confirm());
    q('[data-action=decline]').addEventListener('click', () => this.decline());
  }

  private el<E extends Element>(sel: string): E {
    return this.host.root.querySelector<E>(sel)!;
  }

  /** The capped first batch, while it is all there is. */
  private quick(): QuickBatch | null {
    const { maxN, samples } = this.host.sizes();
    return quickBatch(batchSamples(0, maxN, samples), samples, this.done);
  }

  /** Draws the GOE chart at its box's own width so its 12 px labels stay 12 px on a phone. */
  draw(rows: readonly GoeCount[] = this.drawn): void {
    this.drawn = rows;
    const box = this.el<HTMLElement>('.dims-goe-chart');
    this.svg = goeChart({
      document,
      stats: goeStats(rows),
      maxN: this.host.sizes().maxN,
      width: boxWidth(box, 280, 600),
      labels: { x: this.host.t(`${P}axisN`), y: this.host.t(`${P}axisFraction`) },
    });
    box.replaceChildren(this.svg);
  }

  /** Chart, its text alternative, the table and (for completed counts) the summary. */
  render(rows: readonly GoeCount[] = this.counts, partial = false): void {
    const stats = goeStats(rows);
    const s = this.host.strings;
    this.draw(rows);
    this.el('.dims-goe-chart').setAttribute('aria-label', goeLabel(s, stats, this.host.sizes().maxN, partial ? null : this.quick()));
    this.el('.dims-goe-part .widget-table tbody').innerHTML = goeRows(s, stats);
    if (!partial) this.el('.dims-goe-summary').textContent = goeSummary(s, stats, this.quick());
  }

  /**
   * Wants `target` batches in all and samples towards them. A job estimated past LONG_JOB_MS waits for the reader's
   * word first; while a batch runs, More samples that would push the rest of the job past it asks too (the running
   * batches go on meanwhile).
   */
  request(target: number): void {
    if (!this.running) {
      this.target = target;
      return this.start();
    }
    const ms = this.estimate(target);
    if (ms > LONG_JOB_MS && !this.isConfirmed(target)) return this.ask(target, ms);
    this.target = target;
  }

  /** Starts the loop unless it runs, the figure is off screen, or a long job awaits the reader's word. */
  start(): void {
    if (this.running || this.done >= this.target) return;
    if (!this.host.visible()) {
      this.pausedOffscreen = true;
      this.host.root.dataset.sampling = 'paused';
      return;
    }
    const ms = this.estimate(this.target);
    if (ms > LONG_JOB_MS && !this.isConfirmed(this.target)) return this.ask(this.target, ms);
    this.hideConfirm();
    void this.loop(++this.token);
  }

  private estimate(target: number): number {
    const { maxN, samples } = this.host.sizes();
    return jobMs(maxN, samples, this.done, target, this.pace);
  }

  private sizesKey(): string {
    const { maxN, samples } = this.host.sizes();
    return `${maxN}/${samples}`;
  }

  /** Whether the reader already agreed to sample up to `target` batches at these sizes. */
  private isConfirmed(target: number): boolean {
    return this.confirmed.key === this.sizesKey() && target <= this.confirmed.target;
  }

  private ask(target: number, ms: number): void {
    const { maxN, samples } = this.host.sizes();
    const text = this.host.t(`${P}confirmLong`, {
      batches: counted(this.host.strings, 'Batch', target - this.done),
      matrices: counted(this.host.strings, 'Matrix', samples),
      maxN,
      time: duration(this.host.strings, ms),
    });
    this.asked = target;
    this.el('.dims-confirm-text').textContent = text;
    this.el<HTMLElement>('.dims-confirm').hidden = false;
    if (!this.running) this.host.root.dataset.sampling = 'confirm';
    this.host.announce(text);
  }

  private hideConfirm(): void {
    this.el<HTMLElement>('.dims-confirm').hidden = true;
    if (this.host.root.dataset.sampling === 'confirm') this.host.root.dataset.sampling = 'false';
  }

  private confirm(): void {
    this.confirmed = { key: this.sizesKey(), target: this.asked };
    this.target = Math.max(this.target, this.asked);
    this.hideConfirm();
    this.start();
  }

  /** Not now: keep what there is (or, with nothing yet, just the quick first batch, which is always short). */
  private decline(): void {
    this.hideConfirm();
    if (this.running) return;
    this.target = Math.max(this.done, 1);
    this.host.saved();
    if (this.done < this.target) return this.start();
    this.host.announce(this.host.t(`${P}declined`, { matrices: counted(this.host.strings, 'Matrix', this.counts[0]?.samples ?? 0) }));
  }

  private setBusy(busy: boolean): void {
    this.el<HTMLButtonElement>('[data-action=stop]').disabled = !busy;
    const progress = this.el<HTMLProgressElement>('.dims-progress');
    progress.hidden = !busy;
    if (!busy) progress.value = 0;
    this.host.root.dataset.sampling = busy ? 'true' : this.pausedOffscreen ? 'paused' : 'false';
  }

  private status(batch: number, fraction: number, elapsedMs: number): string {
    const { maxN, samples } = this.host.sizes();
    const left = timeLeftMs({ maxN, samples, batch, target: this.target, fraction, elapsedMs });
    const params = { batch: batch + 1, batches: this.target, percent: Math.round(100 * fraction) };
    const text =
      left === null
        ? this.host.t(`${P}sampling`, params)
        : this.host.t(`${P}samplingLeft`, { ...params, time: duration(this.host.strings, left) });
    return sentences([this.notice ?? '', text]);
  }

  /** Samples until `target` batches are done; an interrupted batch is dropped and drawn again from scratch next time. */
  private async loop(token: number): Promise<void> {
    this.running = true;
    this.setBusy(true);
    try {
      while (this.done < this.target) {
        const batch = this.done;
        const { maxN, samples, seed } = this.host.sizes();
        const size = batchSamples(batch, maxN, samples);
        const base = this.counts;
        const started = performance.now();
        this.host.announce(this.status(batch, 0, 0), this.notice ? 'error' : 'info');
        const onProgress = (p: Progress) => {
          if (token !== this.token) return;
          const part = p.partial as GoeDefiniteResult | undefined;
          // Redrawing the chart and table costs the page tens of ms: a few times a second is enough to watch them fill.
          const now = performance.now();
          if (part && now - this.lastPaint >= PARTIAL_PAINT_MS) {
            this.lastPaint = now;
            this.render(mergeCounts(base, part.rows), true);
          }
          this.el<HTMLProgressElement>('.dims-progress').value = p.fraction;
          this.host.announce(this.status(batch, p.fraction, performance.now() - started), this.notice ? 'error' : 'info');
        };
        const out = await this.host.track(
          this.channel.run('goe-definite', { maxN, samples: size }, batchSeed(seed, batch), { onProgress }),
        );
        if (token !== this.token) return;
        this.host.clearRunError();
        this.counts = mergeCounts(base, (out.result as GoeDefiniteResult).rows);
        this.done = batch + 1;
        this.lastMs = out.ms;
        this.pace = addPace(this.pace, out.ms, goeCostMs(maxN, size));
        this.render();
        this.host.saved();
      }
      this.announceDone();
    } catch (err) {
      if (token !== this.token) return;
      if (!isAbort(err)) {
        const wanted = this.target;
        this.target = this.done;
        this.host.reportRunError(err, () => this.request(wanted));
      }
      this.render();
    } finally {
      if (token === this.token) {
        this.running = false;
        this.setBusy(false);
      }
    }
  }

  private announceDone(): void {
    const stats = goeStats(this.counts);
    const last = [...stats].reverse().find((r) => !r.zero);
    const quick = this.quick();
    const s = this.host.strings;
    const sampled = quick
      ? this.host.t(`${P}sampledQuick`, {
          matrices: counted(s, 'Matrix', quick.first),
          samples: quick.samples,
          ms: Math.round(this.lastMs),
          nmax: last?.n ?? '—',
        })
      : this.host.t(`${P}sampled`, {
          matrices: counted(s, 'Matrix', stats[0]?.samples ?? 0),
          batches: counted(s, 'Batch', this.done),
          ms: Math.round(this.lastMs),
          nmax: last?.n ?? '—',
        });
    this.host.announce(sentences([this.notice ?? '', sampled]), this.notice ? 'error' : 'info');
    this.notice = null;
  }

  /** Ends the running loop now; its unfinished batch is dropped (the completed counts are drawn again). */
  private halt(): void {
    this.token++;
    this.running = false;
    this.channel.cancel();
    this.setBusy(false);
    this.render();
  }

  /** Stop: keep the completed batches, and say so (the status describes the state after Stop, not the last progress). */
  stop(): void {
    if (!this.running) return;
    const wanted = this.target;
    this.halt();
    this.target = this.done;
    this.notice = null;
    this.host.announce(
      this.host.t(`${P}stopped`, {
        done: counted(this.host.strings, 'Batch', this.done),
        batches: wanted,
        matrices: counted(this.host.strings, 'Matrix', this.counts[0]?.samples ?? 0),
      }),
    );
    this.host.saved();
  }

  /** Starts over with the current sizes and seed (one batch); `notice` explains why, until that batch is done. */
  restart(notice: string | null): void {
    if (this.running) this.halt();
    this.hideConfirm();
    this.notice = notice;
    this.counts = [];
    this.done = 0;
    this.target = 1;
    this.pausedOffscreen = false;
    this.render();
    this.host.saved();
    this.start();
  }

  /** Back to given counts (the build-time first batch) without running anything. */
  resetTo(rows: GoeCount[], done: number): void {
    if (this.running) this.halt();
    this.hideConfirm();
    this.notice = null;
    this.pausedOffscreen = false;
    this.counts = rows.map((r) => ({ ...r }));
    this.done = done;
    this.target = Math.max(1, done);
    this.render();
    this.host.root.dataset.sampling = 'false';
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Off screen: drop the running batch and resume when back. */
  onVisibility(visible: boolean): void {
    if (!visible) {
      if (this.running) {
        this.halt();
        this.pausedOffscreen = true;
        this.host.root.dataset.sampling = 'paused';
      }
      return;
    }
    if (this.pausedOffscreen) {
      this.pausedOffscreen = false;
      this.start();
    }
  }

  dispose(): void {
    this.token++;
    this.channel.cancel();
  }
}
