// <saddle-hessian-spectrum>: trains in chunks in the worker while "Train" is on and the widget is on screen; takes the
// spectrum on pause, on request and after single chunks; settings, seed and step count live in the URL.
import type { MlpProbeSpectrumResult, MlpTrainStepResult } from '../../../lib/experiments/mlp-live.ts';
import { spectrumBins } from '../../../lib/landscape/spectrum-bins.ts';
import type { HessianSpectrumProps } from './props.ts';
import { lossChart, spectrumChart } from './chart.ts';
import {
  LR_LIMITS,
  MAX_LIVE_PARAMETERS,
  MAX_TOTAL_STEPS,
  SEED_LIMITS,
  clampHidden,
  hiddenText,
  netConfig,
  optimizerConfig,
  parameterCount,
  parseHidden,
  sameSettings,
  settingsFromUrl,
  settingsToUrl,
  type SpectrumSettings,
} from './model.ts';
import {
  eigenRows,
  histogramLabel,
  lossLabel,
  lossRows,
  readoutRows,
  sci,
  spectrumSummary,
  type RunState,
  type SpectrumAt,
  type SpectrumSnapshot,
} from './view.ts';
import { boxWidth, WidgetElement, type ExportBundle } from '../shared/widget-element.ts';
import { isAbort, widgetChannel } from '../shared/worker-client.ts';

/** Losses are recorded every this many steps (as at build time). */
const RECORD_EVERY = 2;
/** While training, progress is read out at most this often (ms), so a screen reader is not flooded; the status line shows every chunk. */
const ANNOUNCE_EVERY = 2500;

class HessianSpectrumElement extends WidgetElement<HessianSpectrumProps> {
  private settings!: SpectrumSettings;
  private initial!: SpectrumSnapshot;
  private run!: RunState;
  private spectrum: SpectrumAt | null = null;
  /** The reader wants training to go on (it still pauses off screen). */
  private training = false;
  /** Bumped by every restart or reset: answers from an older generation are dropped. */
  private generation = 0;
  private loopGeneration = -1;
  private lastAnnounce = 0;
  private trainChannel = widgetChannel('hessian-spectrum-train');
  private spectrumChannel = widgetChannel('hessian-spectrum-probe');
  private histSvg: SVGSVGElement | null = null;
  private histFor: SpectrumAt | null = null;

  private defaults(): SpectrumSettings {
    const c = this.config;
    return { dataset: c.dataset, hidden: [...c.hidden], activation: c.activation, optimizer: c.optimizer, lr: c.lr, seed: c.seed };
  }

  protected init(): void {
    this.initial = JSON.parse(this.dataset.initial ?? 'null') as SpectrumSnapshot;
    const url = this.readUrlState();
    this.settings = settingsFromUrl(url, this.defaults());
    const wanted = Number(url.steps);
    const target =
      url.steps !== undefined && Number.isFinite(wanted) ? Math.min(MAX_TOTAL_STEPS, Math.max(0, Math.round(wanted))) : this.config.steps;

    this.querySelectorAll<HTMLSelectElement>('.widget-fields select').forEach((el) =>
      el.addEventListener('change', () => this.onSelect(el)),
    );
    this.querySelectorAll<HTMLInputElement>('.widget-fields input').forEach((el) => el.addEventListener('change', () => this.onField(el)));
    this.button('train').addEventListener('click', () => this.setTraining(!this.training));
    this.button('step').addEventListener('click', () => void this.stepChunks(1));
    this.button('spectrum').addEventListener('click', () => void this.probe());
    this.button('reset').addEventListener('click', () => this.reset());
    this.querySelector<HTMLElement>('.widget-loss-chart')!.addEventListener('keydown', (e) => this.onKey(e));

    if (sameSettings(this.settings, this.initial.settings) && target === this.initial.run.step) {
      this.adopt(this.initial);
      this.render();
    } else {
      this.run = { step: 0, theta: [], optimizerState: { t: 0 }, history: [], loss: Number.NaN, gradNorm: Number.NaN, diverged: null };
      this.spectrum = null;
      void this.restart(target, 'restore');
    }
  }

  private button(action: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`[data-action=${action}]`)!;
  }

  private adopt(snap: SpectrumSnapshot): void {
    this.run = { ...snap.run, history: [...snap.run.history] };
    this.spectrum = snap.spectrum;
  }

  private get P(): number {
    return parameterCount(this.settings.dataset, this.settings.hidden);
  }

  // ——— drawing ———

  private render(): void {
    const { run, spectrum } = this;
    // Draw at the width shown (down to 340 px), so the labels keep their size on a phone.
    const width = boxWidth(this.querySelector<HTMLElement>('.widget-spectrum-charts'), 340, 500);
    const loss = lossChart({
      document,
      width,
      history: run.history,
      spectrumStep: spectrum?.step ?? null,
      labels: {
        x: this.t('widget.hessian-spectrum.axisStep'),
        y: this.t('widget.hessian-spectrum.axisLoss'),
        spectrum: this.t('widget.hessian-spectrum.spectrumMark'),
      },
    });
    const lossBox = this.querySelector<HTMLElement>('.widget-loss-chart')!;
    lossBox.replaceChildren(loss);
    lossBox.setAttribute('aria-label', lossLabel(this.strings, run));
    if (this.histFor !== spectrum) {
      this.histFor = spectrum;
      const box = this.querySelector<HTMLElement>('.widget-histogram')!;
      this.histSvg = spectrum
        ? spectrumChart({
            document,
            width,
            bins: spectrumBins(spectrum.eigenvalues, spectrum.classification.zeroTol),
            zeroTol: spectrum.classification.zeroTol,
            labels: { x: this.t('widget.hessian-spectrum.axisEigen'), y: this.t('widget.hessian-spectrum.axisCount') },
          })
        : null;
      box.replaceChildren(...(this.histSvg ? [this.histSvg] : []));
      box.setAttribute('aria-label', histogramLabel(this.strings, spectrum));
      this.querySelector('.widget-eigen-table tbody')!.innerHTML = eigenRows(spectrum);
    }
    this.querySelector('.widget-readout tbody')!.innerHTML = readoutRows(this.strings, run, spectrum, this.P);
    this.querySelector('.widget-loss-table tbody')!.innerHTML = lossRows(run);
    this.dataset.step = String(run.step);
    if (spectrum) this.dataset.spectrumStep = String(spectrum.step);
    else delete this.dataset.spectrumStep;
    this.dataset.state = run.diverged ? 'diverged' : this.training ? 'training' : 'paused';
    const train = this.button('train');
    train.setAttribute('aria-pressed', String(this.training));
    train.textContent = this.training ? train.dataset.labelPause! : train.dataset.labelTrain!;
    this.syncFields();
    const atDefault = sameSettings(this.settings, this.defaults()) && run.step === this.config.steps;
    this.writeUrlState(atDefault ? null : { ...settingsToUrl(this.settings), steps: run.step });
  }

  private syncFields(): void {
    const st = this.settings;
    const set = (name: string, v: string) => {
      const el = this.querySelector<HTMLInputElement | HTMLSelectElement>(`[name=${name}]`)!;
      if (el.value !== v) el.value = v;
    };
    set('dataset', st.dataset);
    set('hidden', hiddenText(st.hidden));
    set('activation', st.activation);
    set('optimizer', st.optimizer);
    set('lr', String(st.lr));
    set('seed', String(st.seed));
  }

  // ——— talking to the worker ———

  private trainConfig(steps: number, fresh: boolean) {
    const base = { ...netConfig(this.settings), optimizer: optimizerConfig(this.settings), steps, recordEvery: RECORD_EVERY };
    return fresh ? base : { ...base, theta: this.run.theta, optimizerState: this.run.optimizerState };
  }

  /** Starts over from θ₀ of the current settings and trains `target` steps in one request, then takes the spectrum. */
  private async restart(target: number, why: 'restore' | 'settings', quiet = false): Promise<void> {
    const gen = ++this.generation;
    this.spectrumChannel.cancel();
    if (why === 'restore' && target > 0) this.announce(this.t('widget.hessian-spectrum.retraining', { steps: target }));
    this.dataset.state = 'busy';
    try {
      const { result } = await this.trainChannel.run<MlpTrainStepResult>(
        'mlp-train-step',
        this.trainConfig(target, true),
        this.settings.seed,
      );
      if (gen !== this.generation) return;
      this.run = {
        step: result.step,
        theta: result.theta,
        optimizerState: result.optimizerState,
        history: result.history,
        loss: result.loss,
        gradNorm: result.gradNorm,
        diverged: result.diverged,
      };
      this.spectrum = null;
      this.render();
      if (result.diverged) return this.reportDiverged();
      // Quiet: a clamp or refusal message is showing and should stay.
      if (!quiet)
        this.announce(
          why === 'restore'
            ? this.t('widget.hessian-spectrum.restored', { steps: result.step })
            : this.t('widget.hessian-spectrum.restarted', { seed: this.settings.seed }),
        );
      if (this.training) void this.loop();
      else void this.probe(quiet);
    } catch (err) {
      this.fail(err);
    }
  }

  /** Trains chunk after chunk while the reader wants it and the widget is on screen; takes the spectrum on pause. */
  private async loop(): Promise<void> {
    const gen = this.generation;
    if (this.loopGeneration === gen) return;
    this.loopGeneration = gen;
    try {
      while (this.training && this.visible && gen === this.generation && !this.run.diverged) {
        if (this.run.step >= MAX_TOTAL_STEPS) {
          this.training = false;
          this.render();
          this.announce(this.t('widget.hessian-spectrum.maxSteps', { max: MAX_TOTAL_STEPS }));
          break;
        }
        if (!(await this.advance(Math.min(this.config.chunk, MAX_TOTAL_STEPS - this.run.step), gen, true))) break;
      }
    } finally {
      if (this.loopGeneration === gen) this.loopGeneration = -1;
    }
    if (gen === this.generation && !this.training && !this.run.diverged) void this.probe();
  }

  /** One request of `steps` more steps from the current θ; false if it was superseded, failed or diverged. */
  private async advance(steps: number, gen: number, live: boolean): Promise<boolean> {
    const from = this.run.step;
    try {
      const { result, ms } = await this.trainChannel.run<MlpTrainStepResult>(
        'mlp-train-step',
        this.trainConfig(steps, false),
        this.settings.seed,
      );
      // A superseded request can still answer if it finished first: only a chunk that continues the current θ counts.
      if (gen !== this.generation || this.run.step !== from) return false;
      this.run = {
        step: result.step,
        theta: result.theta,
        optimizerState: result.optimizerState,
        history: [...this.run.history, ...result.history],
        loss: result.loss,
        gradNorm: result.gradNorm,
        diverged: result.diverged,
      };
      if (result.diverged) {
        this.training = false;
        this.render();
        this.reportDiverged();
        return false;
      }
      this.render();
      if (live && this.training) {
        // Shown every chunk, so the status line keeps up with the readout; read out only every few seconds.
        const now = performance.now();
        const speak = now - this.lastAnnounce > ANNOUNCE_EVERY;
        if (speak) this.lastAnnounce = now;
        this.announce(
          this.t('widget.hessian-spectrum.training', { step: result.step, loss: sci(result.loss, 3), ms: Math.round(ms), chunk: steps }),
          'info',
          speak,
        );
      }
      return true;
    } catch (err) {
      if (gen === this.generation) this.fail(err);
      return false;
    }
  }

  /** Trains `chunks` × chunk steps in one request (keys and the step button), then takes the spectrum. */
  private async stepChunks(chunks: number): Promise<void> {
    if (this.training) return;
    if (this.run.diverged) return this.reportDiverged();
    const steps = Math.min(chunks * this.config.chunk, MAX_TOTAL_STEPS - this.run.step);
    if (steps <= 0) return this.announce(this.t('widget.hessian-spectrum.maxSteps', { max: MAX_TOTAL_STEPS }));
    const gen = this.generation;
    if (await this.advance(steps, gen, false)) void this.probe();
  }

  /** The full spectrum at the current θ (training, if on, goes on meanwhile on its own channel). */
  private async probe(quiet = false): Promise<void> {
    if (this.run.theta.length === 0) return;
    if (this.run.diverged) return this.reportDiverged();
    const gen = this.generation;
    const step = this.run.step;
    if (!this.training && !quiet) this.announce(this.t('widget.hessian-spectrum.computing', { step }));
    try {
      const { result, ms } = await this.spectrumChannel.run<MlpProbeSpectrumResult>(
        'mlp-probe-spectrum',
        { ...netConfig(this.settings), theta: this.run.theta, gradTol: this.config.gradTol },
        this.settings.seed,
      );
      if (gen !== this.generation) return;
      this.spectrum = { ...result, step };
      this.render();
      if (!quiet) this.announce(spectrumSummary(this.strings, this.spectrum, ms));
    } catch (err) {
      if (gen === this.generation) this.fail(err);
    }
  }

  private fail(err: unknown): void {
    if (isAbort(err)) return;
    this.training = false;
    this.render();
    this.announce(this.t('widget.hessian-spectrum.error', { message: (err as Error)?.message ?? String(err) }), 'error');
  }

  private reportDiverged(): void {
    const d = this.run.diverged!;
    this.announce(
      this.t('widget.hessian-spectrum.diverged', {
        step: d.step,
        loss: sci(d.loss, 3),
        lr: String(Number(this.settings.lr.toPrecision(6))),
      }),
      'error',
    );
  }

  // ——— input ———

  private setTraining(on: boolean): void {
    if (on && this.run.diverged) return this.reportDiverged();
    if (on && this.run.theta.length === 0) return;
    this.training = on;
    this.render();
    if (on) {
      this.lastAnnounce = performance.now();
      this.announce(this.t('widget.hessian-spectrum.trainingStarted', { step: this.run.step, chunk: this.config.chunk }));
      void this.loop();
    } else {
      this.announce(this.t('widget.hessian-spectrum.paused', { step: this.run.step }));
      // A loop waiting on a chunk takes the spectrum when the chunk returns; without a loop, take it now.
      if (this.loopGeneration !== this.generation) void this.probe();
    }
  }

  /** New settings restart from step 0; `notice` (a clamp, say) is shown now and kept while the restart runs. */
  private changeSettings(next: SpectrumSettings, notice?: string): void {
    if (notice) this.announce(notice, 'error');
    if (sameSettings(next, this.settings)) return;
    this.settings = next;
    void this.restart(0, 'settings', notice !== undefined);
  }

  private onSelect(el: HTMLSelectElement): void {
    const key = el.name as 'dataset' | 'activation' | 'optimizer';
    const next = { ...this.settings, [key]: el.value } as SpectrumSettings;
    if (key === 'dataset' && parameterCount(next.dataset, next.hidden) > MAX_LIVE_PARAMETERS) {
      el.value = this.settings.dataset;
      return this.announce(
        this.t('widget.hessian-spectrum.tooLarge', {
          hidden: hiddenText(next.hidden),
          count: parameterCount(next.dataset, next.hidden),
          max: MAX_LIVE_PARAMETERS,
          current: hiddenText(this.settings.hidden),
        }),
        'error',
      );
    }
    this.changeSettings(next);
  }

  private onField(el: HTMLInputElement): void {
    const label = this.t(`widget.hessian-spectrum.${el.name}`);
    if (el.name === 'hidden') {
      const parsed = parseHidden(el.value);
      const current = hiddenText(this.settings.hidden);
      if (!parsed || parsed.length === 0) {
        el.value = current;
        return this.announce(this.t('widget.common.notANumber', { field: label, value: current }), 'error');
      }
      const hidden = clampHidden(parsed);
      const P = parameterCount(this.settings.dataset, hidden);
      if (P > MAX_LIVE_PARAMETERS) {
        el.value = current;
        // Say what was typed, and what it was limited to if that differs, so the reader recognises their input.
        const typed = hiddenText(parsed);
        const key = typed === hiddenText(hidden) ? 'widget.hessian-spectrum.tooLarge' : 'widget.hessian-spectrum.tooLargeClamped';
        return this.announce(this.t(key, { typed, hidden: hiddenText(hidden), count: P, max: MAX_LIVE_PARAMETERS, current }), 'error');
      }
      el.value = hiddenText(hidden);
      return this.changeSettings(
        { ...this.settings, hidden },
        hidden.join() !== parsed.join() ? this.t('widget.hessian-spectrum.hiddenClamped', { value: hiddenText(hidden) }) : undefined,
      );
    }
    const key = el.name as 'lr' | 'seed';
    const [lo, hi] = key === 'lr' ? LR_LIMITS : SEED_LIMITS;
    const raw = el.value.trim() === '' ? Number.NaN : Number(el.value);
    if (!Number.isFinite(raw)) {
      el.value = String(this.settings[key]);
      return this.announce(this.t('widget.common.notANumber', { field: label, value: String(this.settings[key]) }), 'error');
    }
    const value = Math.min(hi, Math.max(lo, key === 'seed' ? Math.round(raw) : raw));
    el.value = String(value);
    this.changeSettings({ ...this.settings, [key]: value }, this.adjustedNotice(label, raw, value, lo, hi) ?? undefined);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === ' ' || e.key === 'Spacebar') this.setTraining(!this.training);
    else if (e.key === 'ArrowRight') void this.stepChunks(e.shiftKey ? 10 : 1);
    else if (e.key === 's' || e.key === 'S') void this.probe();
    else return;
    e.preventDefault();
  }

  private reset(): void {
    this.generation++;
    this.trainChannel.cancel();
    this.spectrumChannel.cancel();
    this.training = false;
    this.settings = this.defaults();
    this.adopt(this.initial);
    this.histFor = null;
    this.render();
    this.announce(this.t('widget.hessian-spectrum.resetDone', { step: this.run.step }));
  }

  protected override onVisibility(visible: boolean): void {
    if (visible && this.training) void this.loop();
  }

  protected override dispose(): void {
    this.generation++;
    this.trainChannel.cancel();
    this.spectrumChannel.cancel();
  }

  protected exportBundle(): ExportBundle {
    const sp = this.spectrum;
    const rows = [
      'index,eigenvalue,sign',
      ...(sp
        ? sp.eigenvalues.map((l, i) => `${i + 1},${l},${l > sp.classification.zeroTol ? 1 : l < -sp.classification.zeroTol ? -1 : 0}`)
        : []),
    ];
    return {
      name: `saddle-${this.config.id}`,
      json: { settings: this.settings, gradTol: this.config.gradTol, run: this.run, spectrum: sp },
      csv: `${rows.join('\n')}\n`,
      svg: this.histSvg,
    };
  }
}

customElements.define('saddle-hessian-spectrum', HessianSpectrumElement);
