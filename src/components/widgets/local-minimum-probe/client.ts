// <saddle-local-minimum-probe>: θ from fields, presets, keys, drag and the URL; readout on the page, probes and descent in the worker.
import { analyzeReluUnit, type ReluUnitAnalysis, type Theta4 } from '../../../lib/models/relu-unit.ts';
import { D1_BETTER_POINT, D1_LOCAL_MINIMUM, D1_POINTS } from '../../../lib/data/swirszcz-regression.ts';
import type { DescendResult, ProbeResult } from '../../../lib/experiments/relu-probe.ts';
import type { LocalMinimumProbeProps } from './props.ts';
import { descentChart, fitChart, probeChart } from './chart.ts';
import { binRows, descentRows, fitLabel, fitRows, probeBins, probeFits, probeLabel, probeStatus, readoutRows, sci } from './view.ts';
import { num, vec } from '../shared/format.ts';
import { boxWidth, WidgetElement, type ExportBundle } from '../shared/widget-element.ts';
import { isAbort, widgetChannel } from '../shared/worker-client.ts';

const PARAMS = ['w', 'b', 'v', 'c'] as const;
type Setting = 'radius' | 'probes' | 'lr' | 'seed';
type Field = (typeof PARAMS)[number] | Setting;
/** Allowed range of every field; values outside are clamped and the clamp is explained. */
const LIMITS: Record<Field, [number, number]> = {
  w: [-20, 20],
  b: [-20, 20],
  v: [-20, 20],
  c: [-20, 20],
  radius: [1e-6, 1],
  probes: [10, 20_000],
  lr: [1e-5, 10],
  seed: [0, 1_000_000],
};
const INTEGER = new Set<Field>(['probes', 'seed']);
const clamp = (f: Field, v: number) => Math.min(LIMITS[f][1], Math.max(LIMITS[f][0], INTEGER.has(f) ? Math.round(v) : v));
const short = (v: number) => Number(v.toPrecision(8));
/** Keys and drags move θ on a 10⁻⁶ grid, so returning to a point lands exactly on it (kink included). */
const snap = (v: number) => Math.round(v * 1e6) / 1e6;
/** Charts are drawn at their box's width (260–460 px), so their text keeps its size on a phone. */

interface State {
  theta: Theta4;
  radius: number;
  probes: number;
  lr: number;
  seed: number;
}

class LocalMinimumProbeElement extends WidgetElement<LocalMinimumProbeProps> {
  private state!: State;
  private analysis!: ReluUnitAnalysis;
  private probe: ProbeResult | null = null;
  private descent: DescendResult | null = null;
  private fitSvg: SVGSVGElement | null = null;
  private fit!: HTMLElement;
  private readonly probeChannel = widgetChannel('local-minimum-probe');
  private readonly descentChannel = widgetChannel('local-minimum-descent');
  /** Bumped whenever θ changes, so a descent started from an older θ is dropped. */
  private version = 0;
  private probeWanted = false;
  /** A descent cancelled because the figure left the screen, to run again when it returns. */
  private descentWanted = false;
  /** Bumped by every descent and by Reset, so only the newest descent's answer is used. */
  private descentRun = 0;
  private fitWidth = 460;
  private auxWidth = 460;

  private defaults(): State {
    const c = this.config;
    return { theta: [...c.theta] as Theta4, radius: c.radius, probes: c.probes, lr: c.lr, seed: c.seed };
  }

  protected init(): void {
    this.fit = this.querySelector<HTMLElement>('.widget-fit')!;
    const url = this.readUrlState();
    const state = this.defaults();
    const fromUrl = (f: Field) => (url[f] === undefined ? Number.NaN : Number(url[f]));
    PARAMS.forEach((f, i) => {
      if (Number.isFinite(fromUrl(f))) state.theta[i] = clamp(f, fromUrl(f));
    });
    for (const f of ['radius', 'probes', 'lr', 'seed'] as const) if (Number.isFinite(fromUrl(f))) state[f] = clamp(f, fromUrl(f));
    this.state = state;
    this.querySelectorAll<HTMLInputElement>('.widget-fields input').forEach((input) =>
      input.addEventListener('change', () => this.onField(input)),
    );
    const on = (action: string, f: () => void) => this.querySelector(`[data-action=${action}]`)!.addEventListener('click', f);
    on('local', () => this.setTheta([...D1_LOCAL_MINIMUM]));
    on('better', () => this.setTheta([...D1_BETTER_POINT]));
    // Each press draws a fresh sample: the next seed (kept in the URL, so the sample can be shared).
    on('probe', () => {
      this.state = { ...this.state, seed: (this.state.seed + 1) % (LIMITS.seed[1] + 1) };
      this.render();
      void this.runProbe();
    });
    on('descend', () => void this.runDescent());
    on('reset', () => this.reset());
    this.fit.addEventListener('keydown', (e) => this.onKey(e));
    this.onDrag(this.fit, (e) => this.dragHinge(e));
    this.measure();
    this.watchSize([this.fit, this.querySelector<HTMLElement>('.widget-probe-chart')!], () => this.onResize());
    this.render();
    void this.runProbe(true);
  }

  /** Reads the chart boxes' widths; true if either changed. */
  private measure(): boolean {
    const fit = boxWidth(this.fit, 260, 460);
    const aux = boxWidth(this.querySelector<HTMLElement>('.widget-probe-chart'), 260, 460);
    const changed = fit !== this.fitWidth || aux !== this.auxWidth;
    this.fitWidth = fit;
    this.auxWidth = aux;
    return changed;
  }

  /** Redraws the charts at their boxes' new width (the drag maps through the SVG's own size, so it stays right). */
  private onResize(): void {
    if (!this.measure()) return;
    this.render();
    if (probeFits(this.probe, this.state.theta)) this.drawProbe(this.probe);
    if (this.descent && this.dataset.descent !== '') this.drawDescent(this.descent);
  }

  private drawProbe(result: ProbeResult): void {
    const chart = this.querySelector<HTMLElement>('.widget-probe-chart')!;
    chart.replaceChildren(
      probeChart({
        document,
        bins: probeBins(result.deltas),
        width: this.auxWidth,
        labels: { x: this.t('widget.local-minimum-probe.axisDelta'), y: this.t('widget.local-minimum-probe.axisCount') },
      }),
    );
  }

  private render(): void {
    const st = this.state;
    this.analysis = analyzeReluUnit(st.theta, D1_POINTS);
    const probe = probeFits(this.probe, st.theta) ? this.probe : null;
    this.fitSvg = fitChart({
      document,
      points: D1_POINTS,
      theta: st.theta,
      reference: D1_BETTER_POINT,
      labels: { x: 'x', y: 'y' },
      width: this.fitWidth,
    });
    this.fit.replaceChildren(this.fitSvg);
    this.fit.setAttribute('aria-label', fitLabel(this.strings, this.analysis));
    this.querySelector('.widget-readout tbody')!.innerHTML = readoutRows(this.strings, this.analysis, probe);
    this.querySelector('.widget-fit-table tbody')!.innerHTML = fitRows(D1_POINTS, this.analysis);
    this.querySelector<HTMLElement>('.widget-probe-chart')!.dataset.stale = String(!probe);
    PARAMS.forEach((f, i) => this.setInput(f, st.theta[i]!));
    for (const f of ['radius', 'probes', 'lr', 'seed'] as const) this.setInput(f, st[f]);
    this.dataset.verdict = this.analysis.classification.verdict;
    const d = this.defaults();
    const atDefault =
      st.theta.every((t, i) => t === d.theta[i]) &&
      st.radius === d.radius &&
      st.probes === d.probes &&
      st.lr === d.lr &&
      st.seed === d.seed;
    this.writeUrlState(
      atDefault
        ? null
        : {
            ...Object.fromEntries(PARAMS.map((f, i) => [f, short(st.theta[i]!)])),
            radius: short(st.radius),
            probes: st.probes,
            lr: short(st.lr),
            seed: st.seed,
          },
    );
  }

  /** θ fields show 6 decimals (a descent may end at c = 1e−7, which a narrow field would cut to "1.00000"). */
  private setInput(name: Field, v: number): void {
    const input = this.querySelector<HTMLInputElement>(`input[name=${name}]`);
    if (input && document.activeElement !== input)
      input.value = String(PARAMS.includes(name as never) ? Number(v.toFixed(6)) + 0 : short(v));
  }

  /** Moves θ, redraws at once (the readout is closed-form) and probes the new point in the worker. */
  private setTheta(theta: number[], quiet = false): void {
    this.state = { ...this.state, theta: theta.map((t, i) => clamp(PARAMS[i]!, t)) as Theta4 };
    this.version++;
    this.render();
    void this.runProbe(quiet);
  }

  private async runProbe(quiet = false): Promise<void> {
    if (!this.visible) {
      this.probeWanted = true;
      return;
    }
    this.probeWanted = false;
    const st = this.state;
    this.dataset.probe = 'running';
    try {
      const { result, ms } = await this.track(
        this.probeChannel.run<ProbeResult>('relu-probe', { mode: 'probe', theta: st.theta, radius: st.radius, probes: st.probes }, st.seed),
      );
      if (!probeFits(result, this.state.theta)) return;
      this.probe = result;
      const bins = probeBins(result.deltas);
      this.drawProbe(result);
      const chart = this.querySelector<HTMLElement>('.widget-probe-chart')!;
      chart.setAttribute('aria-label', probeLabel(this.strings, result));
      this.querySelector('.widget-probe-table tbody')!.innerHTML = binRows(bins);
      this.render();
      this.dataset.lowered = String(result.negative);
      this.dataset.probe = 'done';
      this.dataset.probeMs = ms.toFixed(2);
      if (!quiet) this.announce(probeStatus(this.strings, result, ms));
    } catch (err) {
      if (isAbort(err)) return;
      this.dataset.probe = 'error';
      this.announce(String((err as Error).message), 'error');
    }
  }

  private async runDescent(): Promise<void> {
    const st = this.state;
    const version = this.version;
    const run = ++this.descentRun;
    this.descentWanted = false;
    this.dataset.descent = 'running';
    this.announce(this.t('widget.local-minimum-probe.descending', { lr: sci(st.lr) }));
    try {
      const { result, ms } = await this.descentChannel.run<DescendResult>(
        'relu-probe',
        { mode: 'descend', theta: st.theta, lr: st.lr, steps: this.config.steps },
        st.seed,
      );
      if (run !== this.descentRun) return;
      if (version !== this.version) {
        this.dataset.descent = 'stale';
        return;
      }
      this.descent = result;
      this.dataset.descentMs = ms.toFixed(2);
      this.drawDescent(result);
      const d = result.descent;
      if (d.outcome === 'diverged') {
        this.dataset.descent = 'diverged';
        this.announce(this.t('widget.local-minimum-probe.diverged', { lr: sci(st.lr), steps: d.steps }), 'error');
        return;
      }
      this.dataset.descent = d.outcome;
      this.setTheta(d.theta, true);
      const outcome = this.t(
        d.outcome === 'converged' ? 'widget.local-minimum-probe.outcomeConverged' : 'widget.local-minimum-probe.outcomeMaxSteps',
      );
      this.announce(
        this.t('widget.local-minimum-probe.descentDone', { steps: d.steps, outcome, theta: vec(d.theta, 3), loss: num(d.loss, 4) }),
      );
    } catch (err) {
      if (isAbort(err)) {
        // Cancelled because the figure left the screen (a newer descent or Reset bumps descentRun): run it again
        // once the figure is back, or say it stopped if θ has moved meanwhile.
        if (run !== this.descentRun || !this.isConnected) return;
        if (version !== this.version) {
          this.dataset.descent = 'stale';
          this.announce(this.t('widget.local-minimum-probe.descentStopped'));
        } else if (this.visible) void this.runDescent();
        else this.descentWanted = true;
        return;
      }
      this.dataset.descent = 'error';
      this.announce(String((err as Error).message), 'error');
    }
  }

  private drawDescent(r: DescendResult): void {
    const chart = this.querySelector<HTMLElement>('.widget-descent-chart')!;
    chart.replaceChildren(
      descentChart({
        document,
        path: r.descent.path,
        width: this.auxWidth,
        labels: { x: this.t('widget.local-minimum-probe.colStep'), y: this.t('widget.local-minimum-probe.axisLoss') },
      }),
    );
    chart.setAttribute(
      'aria-label',
      this.t('widget.local-minimum-probe.descentLabel', { steps: r.descent.steps, lr: sci(r.lr), loss: num(r.descent.loss, 4) }),
    );
    this.querySelector<HTMLElement>('.widget-descent-hint')!.hidden = true;
    const table = this.querySelector<HTMLDetailsElement>('.widget-descent-table')!;
    table.closest('details')!.hidden = false;
    table.querySelector('tbody')!.innerHTML = descentRows(r.descent);
  }

  private onField(input: HTMLInputElement): void {
    const f = input.name as Field;
    const label = PARAMS.includes(f as never) ? f : this.t(`widget.local-minimum-probe.${f}`);
    const current = PARAMS.includes(f as never) ? this.state.theta[PARAMS.indexOf(f as never)]! : this.state[f as Setting];
    const raw = input.value.trim() === '' ? Number.NaN : Number(input.value);
    if (!Number.isFinite(raw)) {
      input.value = String(current);
      this.announce(this.t('widget.common.notANumber', { field: label, value: String(short(current)) }), 'error');
      return;
    }
    const value = clamp(f, raw);
    input.value = String(short(value));
    if (PARAMS.includes(f as never)) {
      const theta = [...this.state.theta];
      theta[PARAMS.indexOf(f as never)] = value;
      this.setTheta(theta, value !== raw);
    } else {
      this.state = { ...this.state, [f]: value };
      this.render();
      if (f !== 'lr') void this.runProbe(value !== raw);
    }
    const notice = this.adjustedNotice(label, raw, value, LIMITS[f][0], LIMITS[f][1], (v) => String(short(v)));
    if (notice) this.announce(notice, 'error');
  }

  /** ←/→ move the kink −b/w by 0.1 (b when w = 0), ↑/↓ move c by 0.1; Shift makes the steps 0.5. */
  private onKey(e: KeyboardEvent): void {
    const step = e.shiftKey ? 0.5 : 0.1;
    const [w, b, v, c] = this.state.theta;
    let next: number[] | null = null;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const d = e.key === 'ArrowRight' ? step : -step;
      // Moving the kink right by d at fixed w: b → b − w·d.
      next = [w, snap(w === 0 ? b + d : b - w * d), v, c];
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      next = [w, b, v, snap(c + (e.key === 'ArrowUp' ? step : -step))];
    }
    if (!next) return;
    e.preventDefault();
    this.setTheta(next);
  }

  /** Puts the hinge (kink, c) under the pointer: b = −w·x, c = y (w and v keep their values). */
  private dragHinge(e: PointerEvent): void {
    const svg = this.fitSvg as (SVGSVGElement & { scale(name: string): { invert(v: number): number } }) | null;
    if (!svg) return;
    const rect = svg.getBoundingClientRect();
    const x = svg.scale('x').invert(((e.clientX - rect.left) * Number(svg.getAttribute('width'))) / rect.width);
    const y = svg.scale('y').invert(((e.clientY - rect.top) * Number(svg.getAttribute('height'))) / rect.height);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    const round = (t: number) => Math.round(t * 100) / 100;
    const [w, b, v] = this.state.theta;
    this.setTheta([w, w === 0 ? b : snap(-w * round(x)), v, round(y)], true);
  }

  private reset(): void {
    this.state = this.defaults();
    this.version++;
    this.descentRun++;
    this.descentWanted = false;
    this.descent = null;
    this.dataset.descent = '';
    this.querySelector<HTMLElement>('.widget-descent-chart')!.replaceChildren();
    this.querySelector<HTMLElement>('.widget-descent-hint')!.hidden = false;
    this.querySelector('.widget-descent-table')!.closest('details')!.hidden = true;
    this.render();
    this.announce(this.t('widget.local-minimum-probe.resetDone'));
    void this.runProbe(true);
  }

  protected override onVisibility(visible: boolean): void {
    if (!visible) {
      this.probeChannel.cancel();
      this.descentChannel.cancel();
      return;
    }
    if (this.probeWanted || !probeFits(this.probe, this.state.theta)) void this.runProbe(true);
    if (this.descentWanted) {
      this.descentWanted = false;
      void this.runDescent();
    }
  }

  protected override dispose(): void {
    this.probeChannel.cancel();
    this.descentChannel.cancel();
  }

  protected exportBundle(): ExportBundle {
    const probe = probeFits(this.probe, this.state.theta) ? this.probe : null;
    const rows = ['probe,delta_L', ...(probe ? probe.deltas.map((d, i) => `${i + 1},${d}`) : [])];
    return {
      name: `saddle-${this.config.id}`,
      json: { data: D1_POINTS, state: this.state, analysis: this.analysis, probe, descent: this.descent },
      csv: `${rows.join('\n')}\n`,
      svg: this.fitSvg,
    };
  }
}

customElements.define('saddle-local-minimum-probe', LocalMinimumProbeElement);
