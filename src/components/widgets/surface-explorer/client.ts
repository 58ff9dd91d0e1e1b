// <saddle-surface-explorer>: moves θ′ by pointer, keys or fields; redraws map and readout; escape step and descent.
import { SURFACES } from '../../../lib/landscape/surfaces.ts';
import {
  analyzePoint,
  descentPath,
  escapeStep,
  lossGrid2d,
  type DescentPath,
  type EscapeStep,
  type PointAnalysis,
} from '../../../lib/landscape/surface-analysis.ts';
import type { Vec2 } from '../../../lib/models/two-weight.ts';
import type { SurfaceExplorerProps } from './props.ts';
import { surfaceChart } from './chart.ts';
import { fields, MAP_STEP, pointFields, type PointFields } from './fields.ts';
import { chartLabel, readoutRows } from './view.ts';
import { num } from '../shared/format.ts';
import { defineFields, stateFrom, type StateOf } from '../shared/fields.ts';

type Table = typeof fields & PointFields;
import { MIN_CHART_WIDTH } from '../shared/chart-theme.ts';
import { WidgetElement, boxWidth, type ExportBundle } from '../shared/widget-element.ts';

/** Pointer and key moves land on multiples of 0.001 (an escape step lands exactly where it says). */
const snap = (v: number) => Math.round(v * 1000) / 1000;
/** The widest the map is drawn: beyond it the readout beside it would be squeezed. */
const MAX_MAP_WIDTH = 560;

class SurfaceExplorerElement extends WidgetElement<SurfaceExplorerProps> {
  /** Every field of this widget: the learning rate and θ′'s coordinates within this surface's view. */
  private table!: Table;
  private state!: StateOf<Table>;
  private defaults!: StateOf<Table>;
  private descent: DescentPath | undefined;
  private escape: EscapeStep | null = null;
  private analysis!: PointAnalysis;
  private svg: SVGSVGElement | null = null;
  private grid!: { values: number[]; ticks: number[] };
  private chart!: HTMLElement;

  private get surface() {
    return SURFACES[this.config.surface];
  }

  private makeTable(): Table {
    return defineFields({ ...fields, ...pointFields(this.surface.domain, this.config.start) });
  }

  private get point(): Vec2 {
    return [this.state.w1, this.state.w2];
  }

  protected init(): void {
    const [lo, hi] = this.surface.domain;
    this.grid = lossGrid2d(this.surface, lo, hi, 81);
    this.chart = this.querySelector<HTMLElement>('.widget-chart')!;
    this.table = this.makeTable();
    this.defaults = stateFrom(this.table, { lr: this.config.lr });
    this.state = this.readFieldState(this.table, this.defaults);

    this.bindNumberInputs(
      this.table,
      () => this.state,
      (name, value, notice) => this.update({ [name]: value }, notice),
    );
    this.querySelector('[data-action=escape]')!.addEventListener('click', () => this.stepEscape());
    this.querySelector('[data-action=descend]')!.addEventListener('click', () => this.runDescent());
    this.querySelector('[data-action=reset]')!.addEventListener('click', () => this.reset());
    this.chart.addEventListener('keydown', (e) => this.onKey(e));
    this.onDrag(this.chart, (e) => this.moveToPointer(e));
    this.watchSize([this.chart], () => this.drawChart());
    this.render();
  }

  /**
   * Every change goes through here: the new state is drawn, and the status line says what this change did (the
   * notice that explains an adjusted value, or nothing), so no message from an earlier change outlives it.
   * Moving θ′ or changing η forgets the descent path and escape arrow drawn for the old state.
   */
  private update(change: Partial<StateOf<Table>>, notice: string | null = null, escape: EscapeStep | null = null): void {
    this.state = { ...this.state, ...change };
    this.descent = undefined;
    delete this.dataset.descent;
    this.escape = escape;
    this.render();
    this.announce(notice ?? '', notice ? 'error' : 'info');
  }

  private moveTo(p: Vec2): void {
    const [lo, hi] = this.surface.domain;
    const clamp = (v: number) => snap(Math.min(hi, Math.max(lo, v)));
    this.update({ w1: clamp(p[0]), w2: clamp(p[1]) });
  }

  private render(): void {
    this.analysis = analyzePoint(this.surface, this.point);
    this.drawChart();
    this.querySelector('.widget-readout tbody')!.innerHTML = readoutRows(this.strings, this.analysis);
    this.showFieldValues(this.table, this.state);
    this.dataset.verdict = this.analysis.classification.verdict;
    this.writeFieldState(this.table, this.state, this.defaults);
  }

  /** The map alone: what a resize redraws (never the fields, which may hold a value being typed). */
  private drawChart(): void {
    const [lo, hi] = this.surface.domain;
    this.svg = surfaceChart({
      document,
      domain: this.surface.domain,
      grid: this.grid,
      analysis: this.analysis,
      valley: this.surface.valley?.curves(lo, hi),
      path: this.descent?.points,
      escape: this.escape,
      size: boxWidth(this.chart, MIN_CHART_WIDTH, MAX_MAP_WIDTH),
    });
    this.chart.replaceChildren(this.svg);
    this.chart.setAttribute('aria-label', chartLabel(this.strings, this.analysis));
  }

  private moveToPointer(e: PointerEvent): void {
    const svg = this.svg as (SVGSVGElement & { scale(name: string): { invert(v: number): number } }) | null;
    if (!svg) return;
    const rect = svg.getBoundingClientRect();
    const width = Number(svg.getAttribute('width'));
    const height = Number(svg.getAttribute('height'));
    const x = svg.scale('x').invert(((e.clientX - rect.left) * width) / rect.width);
    const y = svg.scale('y').invert(((e.clientY - rect.top) * height) / rect.height);
    if (Number.isFinite(x) && Number.isFinite(y)) this.moveTo([x, y]);
  }

  private onKey(e: KeyboardEvent): void {
    const step = e.shiftKey ? MAP_STEP.large : MAP_STEP.small;
    const moves: Record<string, Vec2> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const d = moves[e.key];
    if (!d) return;
    e.preventDefault();
    this.moveTo([this.state.w1 + d[0], this.state.w2 + d[1]]);
  }

  private stepEscape(): void {
    const step = escapeStep(this.surface, this.analysis, this.config.alpha);
    if (!step) {
      this.announce(this.t('widget.surface-explorer.noEscape'));
      return;
    }
    const [lo, hi] = this.surface.domain;
    const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
    this.update({ w1: clamp(step.to[0]), w2: clamp(step.to[1]) }, null, step);
    this.announce(
      this.t('widget.surface-explorer.escapeResult', {
        alpha: num(this.config.alpha, 2),
        u1: num(step.direction[0]),
        u2: num(step.direction[1]),
        before: num(step.lossBefore),
        after: num(step.lossAfter),
        predicted: num(step.predicted),
      }),
    );
  }

  private runDescent(): void {
    this.escape = null;
    this.descent = descentPath(this.surface, this.point, this.state.lr, this.config.steps);
    const end = this.descent.points.at(-1)!;
    const params = {
      steps: this.descent.steps,
      w1: num(end[0]),
      w2: num(end[1]),
      loss: num(this.descent.losses.at(-1)!),
      lr: num(this.state.lr, 3),
    };
    this.render();
    const outcome = this.descent.outcome;
    const key = outcome === 'diverged' ? 'descentDiverged' : outcome === 'converged' ? 'descentConverged' : 'descentMaxSteps';
    this.dataset.descent = outcome;
    this.announce(this.t(`widget.surface-explorer.${key}`, params), outcome === 'diverged' ? 'error' : 'info');
  }

  private reset(): void {
    this.update({ ...this.defaults });
  }

  protected exportBundle(): ExportBundle {
    const rows = [
      'step,w1,w2,loss',
      ...(this.descent
        ? this.descent.points.map((p, i) => `${i},${p[0]},${p[1]},${this.descent!.losses[i]}`)
        : [`0,${this.state.w1},${this.state.w2},${this.analysis.loss}`]),
    ];
    return {
      name: `saddle-${this.config.id}`,
      json: {
        surface: this.config.surface,
        learningRate: this.state.lr,
        analysis: this.analysis,
        escape: this.escape,
        descent: this.descent ?? null,
      },
      csv: `${rows.join('\n')}\n`,
      svg: this.svg,
    };
  }
}

customElements.define('saddle-surface-explorer', SurfaceExplorerElement);
