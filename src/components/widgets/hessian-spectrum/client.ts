// <saddle-hessian-spectrum>: trains a small MLP in the worker in chunks (train-queue.ts), takes the full spectrum when
// training stops or on request, and keeps settings, seed and step count in the URL. Drawing is in render.ts.
import { stateFrom } from '../shared/fields.ts';
import { WidgetElement, type ExportBundle } from '../shared/widget-element.ts';
import { isAbort, widgetChannel } from '../shared/worker-client.ts';
import { fields, MAX_TOTAL_STEPS } from './fields.ts';
import {
  hiddenText,
  hiddenUrl,
  parameterCount,
  runSettings,
  sameSettings,
  type DatasetDims,
  type RunSettings,
  type SpectrumState,
} from './model.ts';
import { choiceEdit, hiddenEdit, linkedHidden, type Edit } from './edits.ts';
import type { HessianSpectrumProps } from './props.ts';
import { SpectrumView } from './render.ts';
import { probeSpectrum, trainChunk } from './runs.ts';
import { TrainQueue, type ChunkOutcome } from './train-queue.ts';
import {
  divergedText,
  eigenCsv,
  progressText,
  queuedText,
  spectrumSummary,
  type RunState,
  type SpectrumAt,
  type SpectrumSnapshot,
} from './view.ts';

/** While training, progress is read out at most this often (ms), so a screen reader is not flooded; the status line shows every chunk. */
const ANNOUNCE_EVERY = 2500;
const FRESH: RunState = {
  step: 0,
  theta: [],
  optimizerState: { t: 0 },
  history: [],
  loss: Number.NaN,
  gradNorm: Number.NaN,
  diverged: null,
};
const P_ = 'widget.hessian-spectrum.';

class HessianSpectrumElement extends WidgetElement<HessianSpectrumProps> {
  private dims!: DatasetDims;
  private defaults!: SpectrumState;
  private state!: SpectrumState;
  /** Hidden widths: a list, so not a field of the table. */
  private widths!: number[];
  private initial!: SpectrumSnapshot;
  private run: RunState = FRESH;
  private spectrum: SpectrumAt | null = null;
  private view!: SpectrumView;
  private queue!: TrainQueue;
  /** Bumped by every restart and reset: a training answer from an older run is dropped. */
  private generation = 0;
  /** A clamp or refusal notice is showing: the restart it caused takes its spectrum quietly. */
  private keepNotice = false;
  private restoring = false;
  private lastAnnounce = 0;
  private trainChannel = widgetChannel('hessian-spectrum-train');
  private probeChannel = widgetChannel('hessian-spectrum-probe');

  protected init(): void {
    this.initial = JSON.parse(this.dataset.initial ?? 'null') as SpectrumSnapshot;
    this.dims = JSON.parse(this.dataset.dims ?? '{}') as DatasetDims;
    this.defaults = stateFrom(fields, this.config);
    this.state = this.readFieldState(fields, this.defaults);
    const linked = linkedHidden(this.strings, this.dims, this.state, this.defaults, this.config.hidden, this.readUrlState().hidden);
    this.widths = linked.hidden;
    this.state.dataset = linked.dataset;
    if (linked.notice) this.announce(linked.notice, 'error');
    this.keepNotice = this.querySelector('.widget-status')?.getAttribute('data-kind') === 'error';
    this.view = new SpectrumView(this, this.strings);
    this.queue = new TrainQueue(
      {
        step: () => this.run.step,
        fresh: () => this.run.theta.length === 0,
        advance: (steps) => this.advance(steps),
        cancel: () => this.trainChannel.cancel(),
        visible: () => this.visible,
        track: (p) => this.track(p),
        idle: (why) => this.onIdle(why),
      },
      this.config.chunk,
      MAX_TOTAL_STEPS,
    );

    this.querySelectorAll<HTMLSelectElement>('.widget-fields select').forEach((el) =>
      el.addEventListener('change', () =>
        this.apply(choiceEdit(this.strings, this.dims, this.state, this.widths, el.name as 'dataset', el.value), el),
      ),
    );
    const hiddenInput = this.querySelector<HTMLInputElement>('input[name=hidden]')!;
    hiddenInput.addEventListener('change', () =>
      this.apply(hiddenEdit(this.strings, this.dims, this.state, this.widths, hiddenInput.value), hiddenInput),
    );
    this.bindNumberInputs(
      fields,
      () => this.state,
      (name, value, notice) => {
        this.changeSettings({ ...this.state, [name]: value }, this.widths, notice);
        this.showSettings();
      },
    );
    this.button('train').addEventListener('click', () => this.toggleTraining());
    this.button('step').addEventListener('click', () => this.addSteps(1));
    this.button('spectrum').addEventListener('click', () => void this.probe());
    this.button('reset').addEventListener('click', () => this.reset());
    this.querySelector<HTMLElement>('.widget-loss-chart')!.addEventListener('keydown', (e) => this.onKey(e));
    this.watchSize([this.querySelector<HTMLElement>('.widget-spectrum-charts')!], () =>
      this.view.draw({ settings: this.settings, run: this.run, spectrum: this.spectrum, P: this.P }),
    );
    this.showSettings();

    if (sameSettings(this.settings, this.initial.settings) && this.state.steps === this.initial.run.step) {
      this.adopt(this.initial);
      this.render();
    } else this.restart(this.state.steps, true);
  }

  private get settings(): RunSettings {
    return runSettings(this.state, this.widths);
  }

  private get P(): number {
    return parameterCount(this.dims, this.state.dataset, this.widths);
  }

  private button(action: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`[data-action=${action}]`)!;
  }

  private adopt(snap: SpectrumSnapshot): void {
    this.run = { ...snap.run, history: [...snap.run.history] };
    this.spectrum = snap.spectrum;
  }

  private render(): void {
    const { run, spectrum } = this;
    this.view.draw({ settings: this.settings, run, spectrum, P: this.P });
    this.dataset.step = String(run.step);
    if (spectrum) this.dataset.spectrumStep = String(spectrum.step);
    else delete this.dataset.spectrumStep;
    const fresh = run.theta.length === 0;
    this.dataset.state = run.diverged ? 'diverged' : fresh ? 'busy' : this.queue.running ? 'training' : 'paused';
    const train = this.button('train');
    const going = this.queue.running && !fresh;
    train.setAttribute('aria-pressed', String(going));
    train.textContent = this.t(P_ + (going ? 'pause' : 'train'));
    const hiddenChanged = this.widths.join() !== this.config.hidden.join();
    this.writeFieldState(
      fields,
      { ...this.state, steps: run.step },
      this.defaults,
      hiddenChanged ? { hidden: hiddenUrl(this.widths) } : {},
    );
  }

  /** Shows the settings in the controls: only when they change, so a redraw never overwrites what is being typed. */
  private showSettings(): void {
    for (const name of ['dataset', 'activation', 'optimizer'] as const)
      this.querySelector<HTMLSelectElement>(`select[name=${name}]`)!.value = this.state[name];
    this.querySelector<HTMLInputElement>('input[name=hidden]')!.value = hiddenText(this.widths);
    this.showFieldValues(fields, this.state);
  }

  // ——— talking to the worker ———

  /** Starts over from θ₀ of the current settings and trains to `steps` (the queue does it chunk by chunk). */
  private restart(steps: number, restore = false): void {
    this.generation++;
    this.probeChannel.cancel();
    this.run = FRESH;
    this.spectrum = null;
    this.restoring = restore && steps > 0;
    if (this.restoring && !this.keepNotice) this.announce(this.t(P_ + 'retraining', { steps }));
    this.queue.restart(steps);
    this.render();
  }

  /** One chunk of `steps` more steps from the current θ (θ₀ when fresh), adopted only if it still continues the run. */
  private async advance(steps: number): Promise<ChunkOutcome> {
    const gen = this.generation;
    const fresh = this.run.theta.length === 0;
    const from = this.run.step;
    try {
      const out = await this.track(trainChunk(this.trainChannel, this.settings, steps, this.run));
      if (gen !== this.generation || from !== this.run.step) return 'cancelled';
      this.run = out.run;
      this.clearRunError();
      this.render();
      if (this.run.diverged) {
        this.reportDiverged();
        return 'ended';
      }
      if (!fresh && !this.restoring) this.reportProgress(out.ms, steps);
      return 'trained';
    } catch (err) {
      if (isAbort(err)) return 'cancelled';
      this.reportRunError(err, () => this.restart(this.run.theta.length ? this.run.step : this.state.steps, true));
      return 'ended';
    }
  }

  private reportProgress(ms: number, chunk: number): void {
    const now = performance.now();
    const speak = now - this.lastAnnounce > ANNOUNCE_EVERY;
    if (speak) this.lastAnnounce = now;
    const how = { training: this.queue.training, pending: this.queue.pending, ms, chunk };
    this.announce(progressText(this.strings, this.run, how), 'info', speak);
  }

  private onIdle(why: 'done' | 'stopped' | 'hidden' | 'ended' | 'max'): void {
    const restored = this.restoring && why === 'done';
    this.restoring = false;
    this.render();
    if (why === 'ended' || why === 'hidden') return;
    if (why === 'max') this.announce(this.t(P_ + 'maxSteps', { max: MAX_TOTAL_STEPS }));
    else if (why === 'stopped') this.announce(this.t(P_ + 'paused', { step: this.run.step }));
    else if (restored && !this.keepNotice) this.announce(this.t(P_ + 'restored', { steps: this.run.step }));
    void this.probe(this.keepNotice || why === 'max');
  }

  /** The full spectrum at the current θ (training, if on, goes on meanwhile on its own channel). */
  private async probe(quiet = false): Promise<void> {
    if (this.run.theta.length === 0) return;
    if (this.run.diverged) return this.reportDiverged();
    const gen = this.generation;
    if (!this.queue.running && !quiet) this.announce(this.t(P_ + 'computing', { step: this.run.step }));
    try {
      const out = await this.track(probeSpectrum(this.probeChannel, this.settings, this.run, this.config.gradTol));
      if (gen !== this.generation) return;
      this.spectrum = out.spectrum;
      this.keepNotice = false;
      this.clearRunError();
      this.render();
      if (!quiet) this.announce(spectrumSummary(this.strings, out.spectrum, out.ms));
    } catch (err) {
      if (gen === this.generation) this.reportRunError(err, () => void this.probe());
    }
  }

  private reportDiverged(): void {
    this.announce(divergedText(this.strings, this.run, this.state.lr), 'error');
  }

  // ——— input ———

  private toggleTraining(): void {
    if (this.queue.running && this.run.theta.length > 0) return this.queue.stop();
    if (this.run.diverged) return this.reportDiverged();
    if (this.run.theta.length === 0) return;
    this.lastAnnounce = performance.now();
    this.announce(this.t(P_ + 'trainingStarted', { step: this.run.step, chunk: this.config.chunk }));
    this.queue.train(true);
    this.render();
  }

  /** Asks for `chunks` × chunk more steps on top of those already asked for (keys and the step button). */
  private addSteps(chunks: number): void {
    if (this.run.diverged) return this.reportDiverged();
    if (this.queue.training || this.run.theta.length === 0) return;
    if (!this.queue.add(chunks * this.config.chunk)) return this.announce(this.t(P_ + 'maxSteps', { max: MAX_TOTAL_STEPS }));
    this.announce(queuedText(this.strings, this.run.step, this.queue.pending));
    this.render();
  }

  /** New settings restart from step 0; `notice` (a clamp, say) is shown now and kept while the restart runs. */
  private changeSettings(state: SpectrumState, hidden: number[], notice: string | null = null): void {
    if (notice) this.announce(notice, 'error');
    this.keepNotice = notice !== null;
    const next = runSettings(state, hidden);
    if (sameSettings(next, this.settings)) return;
    this.state = { ...state };
    this.widths = [...hidden];
    this.showSettings();
    if (!notice) this.announce(this.t(P_ + 'restarted', { seed: this.state.seed }));
    this.restart(0);
  }

  /** Applies an edit of a control: new settings restart the run; a refusal puts the control back and says why. */
  private apply(edit: Edit, el: HTMLInputElement | HTMLSelectElement): void {
    if (edit.kind === 'refuse') {
      el.value = edit.shown;
      return this.announce(edit.message, 'error');
    }
    if (el.name === 'hidden') el.value = hiddenText(edit.hidden);
    this.changeSettings(edit.state, edit.hidden, edit.notice);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === ' ' || e.key === 'Spacebar') this.toggleTraining();
    else if (e.key === 'ArrowRight') this.addSteps(e.shiftKey ? 10 : 1);
    else if (e.key === 's' || e.key === 'S') void this.probe();
    else return;
    e.preventDefault();
  }

  private reset(): void {
    this.generation++;
    this.queue.clear();
    this.probeChannel.cancel();
    this.state = { ...this.defaults };
    this.widths = [...this.config.hidden];
    this.keepNotice = false;
    this.restoring = false;
    this.adopt(this.initial);
    this.view.forget();
    this.showSettings();
    this.render();
    this.announce(this.t(P_ + 'resetDone', { step: this.run.step }));
  }

  protected override onVisibility(visible: boolean): void {
    if (visible) this.queue.resume();
  }

  protected override dispose(): void {
    this.generation++;
    this.queue.clear();
    this.probeChannel.cancel();
  }

  protected exportBundle(): ExportBundle {
    return {
      name: `saddle-${this.config.id}`,
      json: { settings: this.settings, gradTol: this.config.gradTol, run: this.run, spectrum: this.spectrum },
      csv: eigenCsv(this.spectrum),
      svg: this.view.histSvg,
    };
  }
}

customElements.define('saddle-hessian-spectrum', HessianSpectrumElement);
