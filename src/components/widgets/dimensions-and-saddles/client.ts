// <saddle-dimensions-and-saddles>: (a) turns the slicing line by slider, drag, keys or animation and redraws the slice; (b) samples GOE batches in the worker.
import { sliceScene, type SliceScene } from '../../../lib/landscape/slices.ts';
import {
  batchSeed,
  goeStats,
  initialSamples,
  mergeCounts,
  type GoeCount,
  type GoeDefiniteResult,
} from '../../../lib/experiments/goe-stats.ts';
import type { Progress } from '../../../lib/experiments/types.ts';
import type { DimensionsAndSaddlesProps } from './props.ts';
import { angleAtPointer, drawSliceLine, goeChart, sliceCurveChart, sliceMapChart } from './chart.ts';
import { counted, goeLabel, goeRows, goeSummary, mapLabel, quickBatch, sliceRows, sliceStatus, type QuickBatch } from './view.ts';
import { num, sentences } from '../shared/format.ts';
import { widgetChannel, isAbort, type WidgetChannel } from '../shared/worker-client.ts';
import { boxWidth, WidgetElement, type ExportBundle } from '../shared/widget-element.ts';
import { clamp, LIMITS, rotationAngle, short, type Field } from './fields.ts';

class DimensionsElement extends WidgetElement<DimensionsAndSaddlesProps> {
  private angle = 30;
  private a = 1;
  private b = 0.25;
  private scene!: SliceScene;
  private map: SVGSVGElement | null = null;
  private mapKey = '';
  private mapBox!: HTMLElement;
  private rotation: { start: number; from: number; elapsed: number; frame: number } | null = null;

  private maxN = 12;
  private samples = 2000;
  private seed = 1;
  /** Completed batches and their summed counts; `target` batches are wanted. */
  private done = 0;
  private target = 1;
  private counts: GoeCount[] = [];
  private running = false;
  private pausedOffscreen = false;
  private lastMs = 0;
  /** Bumped whenever the counts start over, so a run that finishes after that is ignored. */
  private generation = 0;
  /** A clamp explanation that progress messages must not overwrite before the batch ends. */
  private notice: string | null = null;
  private goeSvg: SVGSVGElement | null = null;
  /** The counts last drawn on the GOE chart (partial ones while a batch runs), to redraw them at a new width. */
  private goeDrawn: readonly GoeCount[] = [];
  private widths = '';
  private channel!: WidgetChannel;
  private initial!: { samples: number; rows: GoeCount[] };

  protected init(): void {
    const c = this.config;
    this.channel = widgetChannel('dimensions');
    this.initial = JSON.parse(this.dataset.initial ?? '{"samples":0,"rows":[]}');
    this.mapBox = this.querySelector<HTMLElement>('.dims-map')!;
    const url = this.readUrlState();
    const read = (f: keyof typeof LIMITS, fallback: number) => {
      const v = url[f] === undefined ? Number.NaN : Number(url[f]);
      return Number.isFinite(v) ? clamp(f, v) : fallback;
    };
    this.angle = read('angle', c.angle);
    this.a = read('a', c.a);
    this.b = read('b', c.b);
    this.maxN = read('maxN', c.maxN);
    this.samples = read('samples', c.samples);
    this.seed = read('seed', c.seed);
    this.target = read('batches', 1);

    const slider = this.querySelector<HTMLInputElement>('input[name=angle]')!;
    slider.addEventListener('input', () => this.setAngle(Number(slider.value), true));
    this.querySelectorAll<HTMLInputElement>('input[type=number]').forEach((input) =>
      input.addEventListener('change', () => this.onField(input)),
    );
    this.querySelector('[data-action=rotate]')!.addEventListener('click', () =>
      this.rotation ? this.stopRotation(true) : this.startRotation(),
    );
    this.querySelector('[data-action=more]')!.addEventListener('click', () => this.more());
    this.querySelector('[data-action=stop]')!.addEventListener('click', () => this.stopSampling());
    this.querySelector('[data-action=reset]')!.addEventListener('click', () => this.reset());
    this.mapBox.addEventListener('keydown', (e) => this.onKey(e));
    this.onDrag(this.mapBox, (e) => {
      if (!this.map) return;
      const angle = angleAtPointer(this.map, e.clientX, e.clientY);
      if (angle === null) return;
      this.stopRotation(false);
      this.setAngle(Math.round(angle) % 180, true);
    });

    this.renderSlice(false);
    const fresh = this.maxN === c.maxN && this.samples === c.samples && this.seed === c.seed;
    if (fresh) {
      this.counts = this.initial.rows.map((r) => ({ ...r }));
      this.done = 1;
    }
    this.renderGoe(this.counts, false);
    if (this.done < this.target) void this.sample();

    // Redraw the charts at their boxes' widths when those change (rotating a phone, resizing a window).
    this.widths = this.chartWidths();
    this.watchSize(
      ['.dims-map', '.dims-curve', '.dims-goe-chart'].map((sel) => this.querySelector<HTMLElement>(sel)!),
      () => this.onResize(),
    );
  }

  private chartWidths(): string {
    return ['.dims-map', '.dims-curve', '.dims-goe-chart'].map((sel) => this.querySelector<HTMLElement>(sel)!.clientWidth).join('/');
  }

  private onResize(): void {
    const widths = this.chartWidths();
    if (widths === this.widths) return;
    this.widths = widths;
    this.drawSlice();
    this.drawGoe(this.goeDrawn);
  }

  // ——— (a) the slice ———

  /** Draws the map (again only when a, b or its width changed), the slicing line and the slice curve at their boxes' widths. */
  private drawSlice(): void {
    const size = boxWidth(this.mapBox, 240, 460);
    const key = `${this.a}/${this.b}/${size}`;
    if (key !== this.mapKey || !this.map) {
      const { centre, halfAngle } = this.scene.cone;
      this.map = sliceMapChart({ document, a: this.a, b: this.b, flat: [centre - halfAngle, centre + halfAngle], size });
      this.mapBox.replaceChildren(this.map);
      this.mapKey = key;
    }
    drawSliceLine(document, this.map, this.angle);
    const curveBox = this.querySelector<HTMLElement>('.dims-curve')!;
    const width = boxWidth(curveBox, 260, 460);
    curveBox.replaceChildren(
      sliceCurveChart({
        document,
        scene: this.scene,
        width,
        labels: { x: this.t('widget.dimensions-and-saddles.axisT'), y: this.t('widget.dimensions-and-saddles.axisLoss') },
      }),
    );
  }

  private renderSlice(announce: boolean): void {
    this.scene = sliceScene(this.a, this.b, this.angle);
    this.drawSlice();
    this.mapBox.setAttribute('aria-label', mapLabel(this.strings, this.scene));
    this.querySelector('.dims-readout tbody')!.innerHTML = sliceRows(this.strings, this.scene);
    const slider = this.querySelector<HTMLInputElement>('input[name=angle]')!;
    slider.value = String(Math.round(this.angle));
    slider.setAttribute('aria-valuetext', `${num(this.angle, 0)}°`);
    this.querySelector<HTMLOutputElement>('output[name=angleOut]')!.textContent = `${num(this.angle, 0)}°`;
    this.querySelector<HTMLInputElement>('input[name=a]')!.value = String(this.a);
    this.querySelector<HTMLInputElement>('input[name=b]')!.value = String(this.b);
    this.dataset.slice = this.scene.verdict;
    if (announce) this.announce(sliceStatus(this.strings, this.scene));
    if (!this.rotation) this.saveUrl();
  }

  private setAngle(angle: number, announce: boolean): void {
    this.angle = clamp('angle', angle);
    this.renderSlice(announce);
  }

  private onKey(e: KeyboardEvent): void {
    const step = e.shiftKey ? 15 : 1;
    const d = { ArrowLeft: step, ArrowUp: step, ArrowRight: -step, ArrowDown: -step }[e.key];
    if (d === undefined) return;
    e.preventDefault();
    this.stopRotation(false);
    // Counter-clockwise with Left/Up; the line wraps around 0° ≡ 180°.
    const next = Math.round(this.angle + d);
    this.setAngle(next < 0 ? next + 180 : next > 180 ? next - 180 : next, true);
  }

  private startRotation(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-action=rotate]')!;
    button.setAttribute('aria-pressed', 'true');
    button.textContent = this.t('widget.dimensions-and-saddles.stop');
    this.rotation = { start: performance.now(), from: this.angle, elapsed: 0, frame: 0 };
    this.announce(this.t('widget.dimensions-and-saddles.rotating'));
    this.rotation.frame = requestAnimationFrame((now) => this.frame(now));
  }

  private frame(now: number): void {
    const r = this.rotation;
    if (!r) return;
    const { angle, finished } = rotationAngle(r.from, r.elapsed + (now - r.start), matchMedia('(prefers-reduced-motion: reduce)').matches);
    this.angle = angle;
    this.renderSlice(false);
    if (finished) this.stopRotation(true);
    else r.frame = requestAnimationFrame((t) => this.frame(t));
  }

  private stopRotation(announce: boolean): void {
    if (!this.rotation) return;
    cancelAnimationFrame(this.rotation.frame);
    this.rotation = null;
    const button = this.querySelector<HTMLButtonElement>('[data-action=rotate]')!;
    button.setAttribute('aria-pressed', 'false');
    button.textContent = this.t('widget.dimensions-and-saddles.rotate');
    this.angle = Math.round(this.angle) % 180;
    this.renderSlice(announce);
  }

  // ——— (b) GOE sampling ———

  /** The capped first batch, while it is all there is. */
  private quick(): QuickBatch | null {
    return quickBatch(initialSamples(this.maxN, this.samples), this.samples, this.done);
  }

  /** Draws the GOE chart at its box's own width so its 12 px labels stay 12 px on a phone. */
  private drawGoe(rows: readonly GoeCount[]): void {
    this.goeDrawn = rows;
    const box = this.querySelector<HTMLElement>('.dims-goe-chart')!;
    const width = boxWidth(box, 300, 600);
    this.goeSvg = goeChart({
      document,
      stats: goeStats(rows),
      maxN: this.maxN,
      width,
      labels: { x: this.t('widget.dimensions-and-saddles.axisN'), y: this.t('widget.dimensions-and-saddles.axisFraction') },
    });
    box.replaceChildren(this.goeSvg);
  }

  private renderGoe(rows: readonly GoeCount[], partial: boolean): void {
    const stats = goeStats(rows);
    this.drawGoe(rows);
    this.querySelector('.dims-goe-chart')!.setAttribute(
      'aria-label',
      goeLabel(this.strings, stats, this.maxN, partial ? null : this.quick()),
    );
    this.querySelector('.dims-goe-part .widget-table tbody')!.innerHTML = goeRows(this.strings, stats);
    if (!partial) this.querySelector('.dims-goe-summary')!.textContent = goeSummary(this.strings, stats, this.quick());
    for (const f of ['maxN', 'samples', 'seed'] as const) this.querySelector<HTMLInputElement>(`input[name=${f}]`)!.value = String(this[f]);
  }

  /** Samples in the worker until `target` batches are done; a batch interrupted (stop, off screen) is redrawn from scratch next time. */
  private async sample(): Promise<void> {
    if (this.running) return;
    if (!this.visible) {
      this.pausedOffscreen = true;
      return;
    }
    this.running = true;
    this.setBusy(true);
    const generation = this.generation;
    try {
      while (this.done < this.target) {
        const batch = this.done;
        const samples = batch === 0 ? initialSamples(this.maxN, this.samples) : this.samples;
        const base = this.counts;
        if (!this.notice)
          this.announce(this.t('widget.dimensions-and-saddles.sampling', { batch: batch + 1, batches: this.target, percent: 0 }));
        const onProgress = (p: Progress) => {
          if (generation !== this.generation) return;
          const part = p.partial as GoeDefiniteResult | undefined;
          if (part) this.renderGoe(mergeCounts(base, part.rows), true);
          this.querySelector<HTMLProgressElement>('.dims-progress')!.value = p.fraction;
          if (!this.notice)
            this.announce(
              this.t('widget.dimensions-and-saddles.sampling', {
                batch: batch + 1,
                batches: this.target,
                percent: Math.round(100 * p.fraction),
              }),
            );
        };
        const { result, ms } = await this.channel.run<GoeDefiniteResult>(
          'goe-definite',
          { maxN: this.maxN, samples },
          batchSeed(this.seed, batch),
          { onProgress },
        );
        if (generation !== this.generation) return;
        this.counts = mergeCounts(base, result.rows);
        this.done = batch + 1;
        this.lastMs = ms;
        this.renderGoe(this.counts, false);
        this.saveUrl();
      }
      if (generation !== this.generation) return;
      const stats = goeStats(this.counts);
      const last = [...stats].reverse().find((r) => !r.zero);
      const quick = this.quick();
      const sampled = quick
        ? this.t('widget.dimensions-and-saddles.sampledQuick', {
            matrices: counted(this.strings, 'Matrix', quick.first),
            samples: quick.samples,
            ms: Math.round(this.lastMs),
            nmax: last?.n ?? '—',
          })
        : this.t('widget.dimensions-and-saddles.sampled', {
            matrices: counted(this.strings, 'Matrix', stats[0]?.samples ?? 0),
            batches: counted(this.strings, 'Batch', this.done),
            ms: Math.round(this.lastMs),
            nmax: last?.n ?? '—',
          });
      this.announce(sentences([this.notice ?? '', sampled]), this.notice ? 'error' : 'info');
      this.notice = null;
    } catch (err) {
      if (generation !== this.generation) return;
      if (!isAbort(err)) {
        this.target = this.done;
        this.reportRunError(err, () => this.more());
      }
      // An interrupted batch leaves the drawing of its partial counts: restore the completed ones.
      this.renderGoe(this.counts, false);
    } finally {
      this.running = false;
      this.setBusy(false);
      if (this.pausedOffscreen) this.dataset.sampling = 'paused';
    }
  }

  private setBusy(busy: boolean): void {
    this.querySelector<HTMLButtonElement>('[data-action=stop]')!.disabled = !busy;
    const progress = this.querySelector<HTMLProgressElement>('.dims-progress')!;
    progress.hidden = !busy;
    if (!busy) progress.value = 0;
    this.dataset.sampling = busy ? 'true' : 'false';
  }

  private more(): void {
    this.target = Math.min(LIMITS.batches[1], Math.max(this.target, this.done) + 1);
    void this.sample();
  }

  private stopSampling(): void {
    if (!this.running) return;
    this.target = this.done;
    this.notice = null;
    this.channel.cancel();
    this.announce(this.t('widget.dimensions-and-saddles.stopped', { batches: counted(this.strings, 'Batch', this.done) }));
    this.saveUrl();
  }

  /** Starts over with the current maxN, samples and seed (one batch). */
  private restartSampling(): void {
    if (this.running) this.channel.cancel();
    this.generation++;
    this.counts = [];
    this.done = 0;
    this.target = 1;
    this.renderGoe(this.counts, false);
    this.saveUrl();
    // Let the cancelled run settle first: sample() refuses to start while `running`.
    const start = () => (this.running ? setTimeout(start, 20) : void this.sample());
    start();
  }

  protected override onVisibility(visible: boolean): void {
    if (!visible) {
      if (this.rotation) {
        cancelAnimationFrame(this.rotation.frame);
        this.rotation.elapsed += performance.now() - this.rotation.start;
      }
      if (this.running) {
        this.pausedOffscreen = true;
        this.channel.cancel();
      }
      return;
    }
    if (this.rotation) {
      this.rotation.start = performance.now();
      this.rotation.frame = requestAnimationFrame((t) => this.frame(t));
    }
    if (this.pausedOffscreen) {
      this.pausedOffscreen = false;
      const start = () => (this.running ? setTimeout(start, 20) : void this.sample());
      start();
    }
  }

  protected override dispose(): void {
    if (this.rotation) cancelAnimationFrame(this.rotation.frame);
    this.channel?.cancel();
  }

  // ——— fields, reset, URL ———

  private onField(input: HTMLInputElement): void {
    const f = input.name as Field;
    const label = this.t(`widget.dimensions-and-saddles.${f}`);
    const current = this[f];
    const raw = input.value.trim() === '' ? Number.NaN : Number(input.value);
    if (!Number.isFinite(raw)) {
      input.value = String(current);
      this.announce(this.t('widget.common.notANumber', { field: label, value: String(current) }), 'error');
      return;
    }
    const value = clamp(f, raw);
    input.value = String(value);
    if (value === current && value === raw) return;
    this[f] = value;
    const clamped = this.adjustedNotice(label, raw, value, LIMITS[f][0], LIMITS[f][1], (v) => String(short(v)));
    if (f === 'a' || f === 'b') this.renderSlice(value === raw);
    else {
      this.notice = clamped;
      this.restartSampling();
    }
    if (clamped) this.announce(clamped, 'error');
  }

  private reset(): void {
    const c = this.config;
    this.stopRotation(false);
    if (this.running) this.channel.cancel();
    this.generation++;
    this.pausedOffscreen = false;
    this.notice = null;
    Object.assign(this, { angle: c.angle, a: c.a, b: c.b, maxN: c.maxN, samples: c.samples, seed: c.seed, done: 1, target: 1 });
    this.counts = this.initial.rows.map((r) => ({ ...r }));
    this.renderSlice(false);
    this.renderGoe(this.counts, false);
    this.announce(sliceStatus(this.strings, this.scene));
  }

  private saveUrl(): void {
    const c = this.config;
    const state: Record<string, number> = {};
    const put = (k: string, v: number, d: number) => {
      if (v !== d) state[k] = short(v);
    };
    put('angle', Math.round(this.angle * 100) / 100, c.angle);
    put('a', this.a, c.a);
    put('b', this.b, c.b);
    put('maxN', this.maxN, c.maxN);
    put('samples', this.samples, c.samples);
    put('seed', this.seed, c.seed);
    put('batches', Math.max(1, this.done), 1);
    this.writeUrlState(Object.keys(state).length ? state : null);
  }

  protected exportBundle(): ExportBundle {
    const stats = goeStats(this.counts);
    const rows = [
      'n,samples,positive_definite,fraction,lower95,upper95,exact,exp_minus_theta_n2',
      ...stats.map((r) => `${r.n},${r.samples},${r.positiveDefinite},${r.fraction},${r.lower},${r.upper},${r.exact ?? ''},${r.asymptotic}`),
    ];
    const { curve, ...slice } = this.scene;
    return {
      name: `saddle-${this.config.id}`,
      json: {
        slice: { a: this.a, b: this.b, ...slice, curve },
        goe: { maxN: this.maxN, samplesPerBatch: this.samples, seed: this.seed, batches: this.done, rows: stats },
      },
      csv: `${rows.join('\n')}\n`,
      svg: this.goeSvg,
    };
  }
}

customElements.define('saddle-dimensions-and-saddles', DimensionsElement);
