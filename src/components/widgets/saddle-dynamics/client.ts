// <saddle-saddle-dynamics>: reads η, λ₁, λ₂, ε, β, σ and the seed from its fields, keys and the URL (one table,
// fields.ts); redraws both charts at their box's width, the readout, the table and the status.
import { dynamicsScene, type DynamicsScene } from '../../../lib/landscape/saddle-dynamics.ts';
import type { SaddleDynamicsProps } from './props.ts';
import { fields, type DynamicsFields } from './fields.ts';
import { escapeChart, phaseChart } from './chart.ts';
import { phaseLabel, readoutRows, summary, sweepRows } from './view.ts';
import { adjustNumber, parseNumber, short, stateFrom, stepNumber } from '../shared/fields.ts';
import { MIN_CHART_WIDTH } from '../shared/chart-theme.ts';
import { createScheduler } from '../../../lib/train/scheduler.ts';
import { WidgetElement, boxWidth, type ExportBundle } from '../shared/widget-element.ts';

const P = 'widget.saddle-dynamics.';

class SaddleDynamicsElement extends WidgetElement<SaddleDynamicsProps> {
  private state!: DynamicsFields;
  private defaults!: DynamicsFields;
  private scene!: DynamicsScene;
  private phaseSvg: SVGSVGElement | null = null;
  private chart!: HTMLElement;
  private escapeBox!: HTMLElement;
  /** The slices filling the sweep's noisy column; aborted when the state changes. */
  private noiseJob: AbortController | null = null;

  protected init(): void {
    this.chart = this.querySelector<HTMLElement>('.widget-phase')!;
    this.escapeBox = this.querySelector<HTMLElement>('.widget-escape-chart')!;
    this.defaults = stateFrom(fields, this.config);
    // A link value that had to be changed is explained in the status line; keep that message on the first render.
    const before = this.querySelector('.widget-status')?.textContent;
    this.state = this.readFieldState(fields, this.defaults);
    const explained = this.querySelector('.widget-status')?.textContent !== before;
    this.bindNumberInputs(
      fields,
      () => this.state,
      (name, value, notice) => {
        this.state = { ...this.state, [name]: value };
        this.render(notice === null);
        if (notice) this.announce(this.signNotice(name) ?? notice, 'error');
      },
    );
    this.querySelector('[data-action=reset]')!.addEventListener('click', () => this.reset());
    this.chart.addEventListener('keydown', (e) => this.onKey(e));
    this.watchSize([this.chart, this.escapeBox], () => this.draw());
    this.render(!explained);
  }

  /** A typed eigenvalue of the wrong sign gets its reason (the origin would not be a saddle), not just the range. */
  private signNotice(name: keyof DynamicsFields): string | null {
    const raw = parseNumber(this.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value ?? '');
    const shown = String(short(this.state[name])).replace('-', '−');
    if (name === 'lambda1' && raw <= 0) return this.t(`${P}lambda1Sign`, { value: shown });
    if (name === 'lambda2' && raw >= 0) return this.t(`${P}lambda2Sign`, { value: shown });
    return null;
  }

  /** Both charts at their boxes' widths: 12 px text stays 12 px on a phone. */
  private draw(): void {
    const st = this.state;
    this.phaseSvg = phaseChart({
      document,
      lambda1: st.lambda1,
      lambda2: st.lambda2,
      scene: this.scene,
      labels: { stable: this.t(`${P}stable`), unstable: this.t(`${P}unstable`) },
      size: boxWidth(this.chart, MIN_CHART_WIDTH, 460),
    });
    this.chart.replaceChildren(this.phaseSvg);
    this.drawEscape();
  }

  private drawEscape(): void {
    const escape = escapeChart({
      document,
      rows: this.scene.sweep,
      labels: { x: this.t(`${P}axisEpsilon`), y: this.t(`${P}axisSteps`) },
      width: boxWidth(this.escapeBox, MIN_CHART_WIDTH, 560),
    });
    this.escapeBox.replaceChildren(escape);
  }

  private render(announce: boolean): void {
    const st = this.state;
    this.scene = dynamicsScene(st, this.config.epsilonRange, this.config.steps, undefined, true);
    this.draw();
    void this.fillNoise(this.scene);
    this.chart.setAttribute('aria-label', phaseLabel(this.strings, st));
    this.querySelector('.widget-readout tbody')!.innerHTML = readoutRows(this.strings, st, this.scene);
    this.querySelector('.widget-table tbody')!.innerHTML = sweepRows(this.strings, this.scene);
    this.showFieldValues(fields, st);
    this.dataset.state = { converges: 'stable', oscillates: 'oscillating', diverges: 'diverged' }[this.scene.gdRegime];
    if (announce) {
      const out = summary(this.strings, st, this.scene);
      this.announce(out.text, out.kind);
    }
    this.writeFieldState(fields, st, this.defaults);
  }

  /**
   * Computes the sweep's noisy column (the costly part: runs × steps normals per ε) one ε at a time, yielding
   * between them, so no main-thread task blocks the page; then redraws the escape chart and table.
   */
  private async fillNoise(scene: DynamicsScene): Promise<void> {
    this.noiseJob?.abort();
    this.noiseJob = null;
    const pending = scene.pendingNoise;
    if (!pending) return;
    const job = new AbortController();
    this.noiseJob = job;
    const s = createScheduler(job.signal);
    try {
      await this.track(
        (async () => {
          let i = 0;
          for (const stats of pending) {
            scene.sweep[i++]!.noisy = stats;
            await s.tick();
          }
        })(),
      );
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      throw err;
    }
    if (this.scene !== scene) return;
    scene.pendingNoise = null;
    this.drawEscape();
    this.querySelector('.widget-table tbody')!.innerHTML = sweepRows(this.strings, scene);
  }

  protected override dispose(): void {
    this.noiseJob?.abort();
  }

  private onKey(e: KeyboardEvent): void {
    const st = this.state;
    let next: Partial<DynamicsFields> | null = null;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      // ε moves by factors (×2, Shift ×10): its scale is logarithmic, like the escape time it sets.
      const factor = (e.shiftKey ? 10 : 2) ** (e.key === 'ArrowUp' ? 1 : -1);
      next = { epsilon: adjustNumber(fields.epsilon, short(Math.max(st.epsilon, 1e-12) * factor)).value };
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      next = { lr: stepNumber(fields.lr, st.lr, e.key === 'ArrowRight' ? 1 : -1, e.shiftKey) };
    }
    if (!next) return;
    e.preventDefault();
    this.state = { ...st, ...next };
    this.render(true);
  }

  private reset(): void {
    this.state = { ...this.defaults };
    this.render(true);
  }

  protected exportBundle(): ExportBundle {
    const cell = (v: number | null) => (v === null ? '' : String(v));
    const rows = [
      'epsilon,gd_outcome,gd_steps,gd_closed_form,momentum_outcome,momentum_steps,momentum_closed_form,flow_steps,noisy_escaped,noisy_mean_steps',
      ...this.scene.sweep.map((r) =>
        [
          r.epsilon,
          r.gd.kind,
          cell(r.gd.kind === 'escaped' ? r.gd.steps : null),
          r.gdClosedForm,
          r.momentum.kind,
          cell(r.momentum.kind === 'escaped' ? r.momentum.steps : null),
          r.momentumClosedForm,
          r.flowSteps,
          r.noisy ? `${r.noisy.escaped}/${r.noisy.runs}` : '',
          cell(r.noisy?.mean ?? null),
        ].join(','),
      ),
    ];
    // The pending generator is no data (the table says "…" until it has run).
    const { gd, momentum, noisy, pendingNoise, ...rest } = this.scene;
    void pendingNoise;
    return {
      name: `saddle-${this.config.id}`,
      json: { state: this.state, ...rest, trajectories: { gd: gd.points, momentum: momentum.points, noisy: noisy?.points ?? null } },
      csv: `${rows.join('\n')}\n`,
      svg: this.phaseSvg,
    };
  }
}

customElements.define('saddle-saddle-dynamics', SaddleDynamicsElement);
