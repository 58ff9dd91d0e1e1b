// <saddle-saddle-dynamics>: reads η, λ₁, λ₂, ε, β, σ and the seed from fields, keys and the URL; redraws both charts, readout and table.
import { dynamicsScene, type DynamicsScene, type DynamicsState } from '../../../lib/landscape/saddle-dynamics.ts';
import type { SaddleDynamicsProps } from './props.ts';
import { escapeChart, phaseChart } from './chart.ts';
import { phaseLabel, readoutRows, summary, sweepRows } from './view.ts';
import { num } from '../shared/format.ts';
import { WidgetElement, type ExportBundle } from '../shared/widget-element.ts';

type Field = keyof DynamicsState;
/** Allowed range of every field; values outside are clamped and the clamp is explained. */
const LIMITS: Record<Field, [number, number]> = {
  lambda1: [0.05, 10],
  lambda2: [-10, -0.05],
  lr: [0.001, 3],
  epsilon: [0, 0.5],
  beta: [0, 0.99],
  sigma: [0, 0.1],
  seed: [0, 1_000_000],
};
const FIELDS = Object.keys(LIMITS) as Field[];
const clamp = (f: Field, v: number) => Math.min(LIMITS[f][1], Math.max(LIMITS[f][0], f === 'seed' ? Math.round(v) : v));
const short = (v: number) => Number(v.toPrecision(6));

class SaddleDynamicsElement extends WidgetElement<SaddleDynamicsProps> {
  private state!: DynamicsState;
  private scene!: DynamicsScene;
  private phaseSvg: SVGSVGElement | null = null;
  private chart!: HTMLElement;

  private defaults(): DynamicsState {
    const c = this.config;
    return { lambda1: c.lambda1, lambda2: c.lambda2, lr: c.lr, beta: c.beta, sigma: c.sigma, epsilon: c.epsilon, seed: c.seed };
  }

  protected init(): void {
    this.chart = this.querySelector<HTMLElement>('.widget-phase')!;
    const url = this.readUrlState();
    const state = this.defaults();
    for (const f of FIELDS) {
      const v = url[f] === undefined ? Number.NaN : Number(url[f]);
      if (Number.isFinite(v)) state[f] = clamp(f, v);
    }
    this.state = state;
    this.querySelectorAll<HTMLInputElement>('.widget-fields input').forEach((input) =>
      input.addEventListener('change', () => this.onField(input)),
    );
    this.querySelector('[data-action=reset]')!.addEventListener('click', () => this.reset());
    this.chart.addEventListener('keydown', (e) => this.onKey(e));
    this.render(true);
  }

  private render(announce: boolean): void {
    const st = this.state;
    this.scene = dynamicsScene(st, this.config.epsilonRange, this.config.steps);
    this.phaseSvg = phaseChart({
      document,
      lambda1: st.lambda1,
      lambda2: st.lambda2,
      scene: this.scene,
      labels: { stable: this.t('widget.saddle-dynamics.stable'), unstable: this.t('widget.saddle-dynamics.unstable') },
    });
    this.chart.replaceChildren(this.phaseSvg);
    this.chart.setAttribute('aria-label', phaseLabel(this.strings, st));
    const escape = escapeChart({
      document,
      rows: this.scene.sweep,
      labels: { x: this.t('widget.saddle-dynamics.axisEpsilon'), y: this.t('widget.saddle-dynamics.axisSteps') },
    });
    this.querySelector('.widget-escape-chart')!.replaceChildren(escape);
    this.querySelector('.widget-readout tbody')!.innerHTML = readoutRows(this.strings, st, this.scene);
    this.querySelector('.widget-table tbody')!.innerHTML = sweepRows(this.strings, this.scene);
    for (const f of FIELDS) this.querySelector<HTMLInputElement>(`input[name=${f}]`)!.value = String(st[f]);
    this.dataset.state = this.scene.stable ? 'stable' : 'diverged';
    if (announce) {
      const out = summary(this.strings, st, this.scene);
      this.announce(out.text, out.kind);
    }
    const d = this.defaults();
    const atDefault = FIELDS.every((f) => st[f] === d[f]);
    this.writeUrlState(atDefault ? null : Object.fromEntries(FIELDS.map((f) => [f, short(st[f])])));
  }

  private onField(input: HTMLInputElement): void {
    const f = input.name as Field;
    const label = this.t(`widget.saddle-dynamics.${f}`);
    const raw = input.value.trim() === '' ? Number.NaN : Number(input.value);
    if (!Number.isFinite(raw)) {
      input.value = String(this.state[f]);
      this.announce(this.t('widget.common.notANumber', { field: label, value: num(this.state[f], 3) }), 'error');
      return;
    }
    const value = clamp(f, raw);
    this.state = { ...this.state, [f]: value };
    this.render(value === raw);
    if (value === raw) return;
    // Explain the clamp; a wrong sign of an eigenvalue gets its own reason.
    const shown = String(short(value));
    if (f === 'lambda1' && raw <= 0) this.announce(this.t('widget.saddle-dynamics.lambda1Sign', { value: shown }), 'error');
    else if (f === 'lambda2' && raw >= 0) this.announce(this.t('widget.saddle-dynamics.lambda2Sign', { value: shown }), 'error');
    else
      this.announce(
        this.adjustedNotice(label, raw, value, LIMITS[f][0], LIMITS[f][1], (v) => String(short(v)))!,
        'error',
      );
  }

  private onKey(e: KeyboardEvent): void {
    const st = this.state;
    const big = e.shiftKey;
    let next: Partial<DynamicsState> | null = null;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const factor = (big ? 10 : 2) ** (e.key === 'ArrowUp' ? 1 : -1);
      next = { epsilon: clamp('epsilon', short(Math.max(st.epsilon, 1e-12) * factor)) };
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const d = (big ? 0.1 : 0.01) * (e.key === 'ArrowRight' ? 1 : -1);
      next = { lr: clamp('lr', Math.round((st.lr + d) * 1000) / 1000) };
    }
    if (!next) return;
    e.preventDefault();
    this.state = { ...st, ...next };
    this.render(true);
  }

  private reset(): void {
    this.state = this.defaults();
    this.render(true);
  }

  protected exportBundle(): ExportBundle {
    const rows = [
      'epsilon,gd_steps,gd_closed_form,momentum_steps,flow_steps,noisy_mean_steps',
      ...this.scene.sweep.map((r) => `${r.epsilon},${r.gd},${r.gdClosedForm},${r.momentum},${r.flowSteps},${r.noisy ?? ''}`),
    ];
    const { gd, momentum, noisy, ...rest } = this.scene;
    return {
      name: `saddle-${this.config.id}`,
      json: { state: this.state, ...rest, trajectories: { gd: gd.points, momentum: momentum.points, noisy: noisy?.points ?? null } },
      csv: `${rows.join('\n')}\n`,
      svg: this.phaseSvg,
    };
  }
}

customElements.define('saddle-saddle-dynamics', SaddleDynamicsElement);
