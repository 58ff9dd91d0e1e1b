// <saddle-local-minimum-probe>: θ from fields, presets, keys, drag and the URL; readout on the page, probes and descent in the worker.
import { analyzeReluUnit, GRAD_TOL, type ReluUnitAnalysis } from '../../../lib/models/relu-unit.ts';
import { D1_BETTER_POINT, D1_LOCAL_MINIMUM, D1_POINTS } from '../../../lib/data/swirszcz-regression.ts';
import type { DescendResult, ProbeResult } from '../../../lib/experiments/relu-probe.ts';
import type { LocalMinimumProbeProps } from './props.ts';
import { fields, PARAMS } from './fields.ts';
import { clampTheta, dragTheta, keyMove, probeCsv, probeFits, thetaOf, withTheta, type State } from './model.ts';
import { fitChart, CHART_MAX_WIDTH } from './chart.ts';
import { fitLabel, fitRows, probeStatus, readoutRows, sci } from './view.ts';
import { clearDescentPanel, drawDescentPanel, drawProbePanel, pointerToData } from './panels.ts';
import { makeText, type Text } from './text.ts';
import { MIN_CHART_WIDTH, powerOfTen } from '../shared/chart-theme.ts';
import { num, vec } from '../shared/format.ts';
import { stateFrom } from '../shared/fields.ts';
import { boxWidth, WidgetElement, type ExportBundle } from '../shared/widget-element.ts';
import { isAbort, widgetChannel } from '../shared/worker-client.ts';

/** A probe result with the seed it was drawn with (the result itself does not carry it). */
interface Probe {
  result: ProbeResult;
  seed: number;
}

class LocalMinimumProbeElement extends WidgetElement<LocalMinimumProbeProps> {
  private state!: State;
  private defaults!: State;
  private tx!: Text;
  private analysis!: ReluUnitAnalysis;
  private probe: Probe | null = null;
  private descent: DescendResult | null = null;
  private fitSvg: SVGSVGElement | null = null;
  private fit!: HTMLElement;
  private probeBox!: HTMLElement;
  private readonly probeChannel = widgetChannel('local-minimum-probe');
  private readonly descentChannel = widgetChannel('local-minimum-descent');
  /** Bumped whenever θ changes, so a descent started from an older θ is dropped. */
  private version = 0;
  private probeWanted = false;
  /** A descent cancelled because the figure left the screen, to run again when it returns. */
  private descentWanted = false;
  /** Bumped by every descent and by Reset, so only the newest descent's answer is used. */
  private descentRun = 0;
  private fitWidth = CHART_MAX_WIDTH;
  private auxWidth = CHART_MAX_WIDTH;

  protected init(): void {
    this.tx = makeText(this.strings, document.documentElement.lang || 'en');
    this.fit = this.querySelector<HTMLElement>('.widget-fit')!;
    this.probeBox = this.querySelector<HTMLElement>('.widget-probe-chart')!;
    this.defaults = stateFrom(fields, this.config);
    this.state = this.readFieldState(fields, this.defaults);
    // The build-time probe of the default state: the first paint and the downloads have its data at once.
    const built = this.querySelector('script.widget-probe-data')?.textContent;
    if (built) this.probe = { result: JSON.parse(built) as ProbeResult, seed: this.defaults.seed };
    this.bindNumberInputs(
      fields,
      () => this.state,
      (name, value, notice) => {
        this.state = { ...this.state, [name]: value };
        if ((PARAMS as readonly string[]).includes(name)) this.version++;
        this.render(name);
        if (name !== 'lr') void this.runProbe(notice !== null);
        if (notice) this.announce(notice, 'error');
      },
    );
    const on = (action: string, f: () => void) => this.querySelector(`[data-action=${action}]`)!.addEventListener('click', f);
    on('local', () => this.setTheta(D1_LOCAL_MINIMUM));
    on('better', () => this.setTheta(D1_BETTER_POINT));
    // Each press draws a fresh sample: the next seed (kept in the URL, so the sample can be shared).
    on('probe', () => {
      this.state = { ...this.state, seed: (this.state.seed + 1) % (fields.seed.max + 1) };
      this.render();
      void this.runProbe();
    });
    on('descend', () => void this.runDescent());
    on('reset', () => this.reset());
    this.fit.addEventListener('keydown', (e) => {
      const next = keyMove(thetaOf(this.state), e.key, e.shiftKey ? 0.5 : 0.1);
      if (!next) return;
      e.preventDefault();
      this.setTheta(next);
    });
    this.onDrag(this.fit, (e) => this.dragHinge(e));
    this.measure();
    this.watchSize([this.fit, this.probeBox], () => this.onResize());
    this.render();
    if (this.currentProbe()) this.showProbe(this.probe!.result);
    else void this.runProbe(true);
  }

  /** The probe of the current state (θ, step length, count and seed), if there is one. */
  private currentProbe(): ProbeResult | null {
    const p = this.probe;
    const st = this.state;
    return p && probeFits(p.result, thetaOf(st)) && p.result.radius === st.radius && p.result.count === st.probes && p.seed === st.seed
      ? p.result
      : null;
  }

  /** Reads the chart boxes' widths; true if either changed. */
  private measure(): boolean {
    const fit = boxWidth(this.fit, MIN_CHART_WIDTH, CHART_MAX_WIDTH);
    const aux = boxWidth(this.probeBox, MIN_CHART_WIDTH, CHART_MAX_WIDTH);
    const changed = fit !== this.fitWidth || aux !== this.auxWidth;
    this.fitWidth = fit;
    this.auxWidth = aux;
    return changed;
  }

  /** Redraws the charts at their boxes' new width (the drag maps through the SVG's own size, so it stays right). */
  private onResize(): void {
    if (!this.measure()) return;
    this.render();
    const probe = this.currentProbe();
    if (probe) drawProbePanel(this, this.tx, probe, this.auxWidth, true);
    if (this.descent && this.dataset.descent !== '') drawDescentPanel(this, this.tx, this.descent, this.auxWidth);
  }

  /** Shows a probe of the current state: chart, text alternative, table, readout. */
  private showProbe(result: ProbeResult): void {
    drawProbePanel(this, this.tx, result, this.auxWidth);
    this.render();
    this.dataset.lowered = String(result.negative);
    this.dataset.probe = 'done';
  }

  /**
   * The fields whose inputs a redraw may rewrite: not one the reader is typing in (a probe answering meanwhile would
   * undo the typing), except the one just committed, which shows the value used.
   */
  private shownFields(committed?: string): Partial<typeof fields> {
    const typing = document.activeElement instanceof HTMLInputElement ? document.activeElement.name : '';
    return Object.fromEntries(Object.entries(fields).filter(([name]) => name !== typing || name === committed));
  }

  private render(committed?: string): void {
    const st = this.state;
    const theta = thetaOf(st);
    this.analysis = analyzeReluUnit(theta, D1_POINTS);
    const probe = this.currentProbe();
    const labels = { x: 'x', y: 'y' };
    this.fitSvg = fitChart({ document, points: D1_POINTS, theta, reference: D1_BETTER_POINT, labels, width: this.fitWidth });
    this.fit.replaceChildren(this.fitSvg);
    this.fit.setAttribute('aria-label', fitLabel(this.tx, this.analysis, D1_POINTS.length));
    this.querySelector('.widget-readout tbody')!.innerHTML = readoutRows(this.tx, this.analysis, probe);
    this.querySelector('.widget-fit-table tbody')!.innerHTML = fitRows(D1_POINTS, this.analysis);
    this.probeBox.dataset.stale = String(!probe);
    this.showFieldValues(this.shownFields(committed), st);
    this.dataset.verdict = this.analysis.classification.verdict;
    this.dataset.kinks = this.analysis.kinks.map((k) => k.x).join(' ');
    this.writeFieldState(fields, st, this.defaults);
  }

  /** Moves θ, redraws at once (the readout is closed-form) and probes the new point in the worker. */
  private setTheta(theta: readonly number[], quiet = false): void {
    this.state = withTheta(this.state, clampTheta(theta));
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
    const config = { mode: 'probe' as const, theta: thetaOf(st), radius: st.radius, probes: st.probes };
    try {
      const { result, ms } = await this.track(this.probeChannel.run('relu-probe', config, st.seed));
      this.clearRunError();
      const probe = result as ProbeResult;
      this.probe = { result: probe, seed: st.seed };
      if (!this.currentProbe()) return;
      this.showProbe(probe);
      this.dataset.probeMs = ms.toFixed(2);
      if (!quiet) this.announce(probeStatus(this.tx, probe, ms));
    } catch (err) {
      if (isAbort(err)) return;
      this.dataset.probe = 'error';
      this.reportRunError(err, () => void this.runProbe());
    }
  }

  private async runDescent(): Promise<void> {
    const st = this.state;
    const version = this.version;
    const run = ++this.descentRun;
    this.descentWanted = false;
    this.dataset.descent = 'running';
    this.announce(this.tx.t('descending', { lr: sci(st.lr) }));
    const config = { mode: 'descend' as const, theta: thetaOf(st), lr: st.lr, steps: this.config.steps };
    try {
      const { result, ms } = await this.track(this.descentChannel.run('relu-probe', config, st.seed));
      this.clearRunError();
      if (run !== this.descentRun) return;
      if (version !== this.version) {
        this.dataset.descent = 'stale';
        return;
      }
      const r = result as DescendResult;
      this.descent = r;
      this.dataset.descentMs = ms.toFixed(2);
      drawDescentPanel(this, this.tx, r, this.auxWidth);
      const d = r.descent;
      if (d.outcome === 'diverged') {
        this.dataset.descent = 'diverged';
        this.announce(this.tx.count('diverged', d.steps, { lr: sci(st.lr), steps: d.steps }), 'error');
        return;
      }
      this.dataset.descent = d.outcome;
      this.setTheta(d.theta, true);
      const outcome =
        d.outcome === 'converged' ? this.tx.t('outcomeConverged', { tol: powerOfTen(GRAD_TOL) }) : this.tx.t('outcomeMaxSteps');
      this.announce(this.tx.count('descentDone', d.steps, { steps: d.steps, outcome, theta: vec(d.theta, 3), loss: num(d.loss, 4) }));
    } catch (err) {
      if (isAbort(err)) return this.onDescentAbort(run, version);
      this.dataset.descent = 'error';
      this.reportRunError(err, () => void this.runDescent());
    }
  }

  /**
   * A descent was cancelled because the figure left the screen (a newer descent or Reset bumps descentRun and
   * needs nothing): it runs again once the figure is back, or says it stopped if θ has moved meanwhile.
   */
  private onDescentAbort(run: number, version: number): void {
    if (run !== this.descentRun || !this.isConnected) return;
    if (version !== this.version) {
      this.dataset.descent = 'stale';
      this.announce(this.tx.t('descentStopped'));
    } else if (this.visible) void this.runDescent();
    else {
      this.descentWanted = true;
      this.dataset.descent = 'waiting';
    }
  }

  /** Puts the hinge (kink, c) under the pointer: b = −w·x, c = y (w and v keep their values). */
  private dragHinge(e: PointerEvent): void {
    const at = this.fitSvg && pointerToData(this.fitSvg, e);
    if (at) this.setTheta(dragTheta(thetaOf(this.state), ...at), true);
  }

  private reset(): void {
    this.state = { ...this.defaults };
    this.version++;
    this.descentRun++;
    this.descentWanted = false;
    this.descent = null;
    this.dataset.descent = '';
    this.descentChannel.cancel();
    clearDescentPanel(this);
    this.render();
    this.announce(this.tx.t('resetDone'));
    const probe = this.currentProbe();
    if (probe) this.showProbe(probe);
    else void this.runProbe(true);
  }

  protected override onVisibility(visible: boolean): void {
    if (!visible) {
      this.probeChannel.cancel();
      this.descentChannel.cancel();
      return;
    }
    if (this.probeWanted || !this.currentProbe()) void this.runProbe(true);
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
    const probe = this.currentProbe();
    return {
      name: `saddle-${this.config.id}`,
      json: { data: D1_POINTS, state: this.state, analysis: this.analysis, probe, descent: this.descent },
      csv: probeCsv(probe),
      svg: this.fitSvg,
    };
  }
}

customElements.define('saddle-local-minimum-probe', LocalMinimumProbeElement);
