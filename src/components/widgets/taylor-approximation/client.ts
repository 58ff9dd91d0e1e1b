// <saddle-taylor-approximation>: moves the distance s (and in 2-D the direction) by slider, field or keys; redraws chart and table.
import {
  taylorAt,
  taylorCurves,
  usefulRadius,
  type LineSlice,
  type TaylorValues,
  type UsefulRadius,
} from '../../../lib/landscape/taylor.ts';
import type { TaylorApproximationProps } from './props.ts';
import { chartHeight, taylorChart } from './chart.ts';
import { liveFields, turn, type LiveFields } from './fields.ts';
import { lineOf } from './model.ts';
import { chartLabel, readoutRows, statusText, verdictText } from './view.ts';
import { adjustNumber, stateFrom, type StateOf } from '../shared/fields.ts';
import { MIN_CHART_WIDTH } from '../shared/chart-theme.ts';
import { WidgetElement, boxWidth, type ExportBundle } from '../shared/widget-element.ts';

/** The widest the chart is drawn (its box on a wide page). */
const MAX_CHART_WIDTH = 640;

interface State {
  s: number;
  angle: number;
}

class TaylorApproximationElement extends WidgetElement<TaylorApproximationProps> {
  private table!: LiveFields;
  private state!: State;
  private defaults!: State;
  private line!: LineSlice;
  private lineAngle = Number.NaN;
  private curves: TaylorValues[] = [];
  private current!: TaylorValues;
  private useful!: UsefulRadius;
  private svg: SVGSVGElement | null = null;
  private chart!: HTMLElement;

  private get is2d() {
    return this.config.mode === '2d';
  }

  protected init(): void {
    this.chart = this.querySelector<HTMLElement>('.widget-chart')!;
    this.table = liveFields(this.config);
    this.defaults = { angle: this.config.angle, ...stateFrom(this.table) };
    const read = this.readFieldState(this.table, stateFrom(this.table));
    this.state = { ...this.defaults, ...read };
    // readFieldState shows why link values were changed as an error status; the first status keeps it at its head.
    const linkNotice = this.querySelector('.widget-status[data-kind=error]')?.textContent ?? null;

    this.bindNumberInputs(
      this.table,
      () => this.state as StateOf<LiveFields>,
      (name, value, notice) => this.update({ [name]: value }, notice),
    );
    const slider = (name: 's' | 'angle') => {
      const input = this.querySelector<HTMLInputElement>(`input[name=${name}-slider]`);
      // A slider's value is always in its range and on its step; it still goes through the field's rule.
      input?.addEventListener('input', () =>
        this.update({ [name]: adjustNumber(this.field(name), Number(input.value)).value }, null, false),
      );
    };
    slider('s');
    if (this.is2d) slider('angle');
    this.querySelector('[data-action=reset]')!.addEventListener('click', () => this.update({ ...this.defaults }));
    this.chart.addEventListener('keydown', (e) => this.onKey(e));
    this.onDrag(this.chart, (e) => this.moveToPointer(e));
    this.watchSize([this.chart], () => this.drawChart());
    this.update({}, linkNotice, false);
  }

  private field(name: 's' | 'angle') {
    return this.numberField(this.table, name);
  }

  /**
   * Every change by any input ends here: the state is drawn and the status line is recomputed from it, headed by
   * the notice that explains an adjusted value when this change had one. So a message about an earlier value never
   * outlives it. `speak` is off for slider drags (the slider itself is announced).
   */
  private update(change: Partial<State>, notice: string | null = null, speak = true): void {
    this.state = { ...this.state, ...change };
    this.render();
    const angle = this.is2d ? this.state.angle : undefined;
    const status = statusText(this.strings, { angle }, this.current, this.useful, notice);
    this.announce(status.shown, notice ? 'error' : 'info', speak, status.spoken);
  }

  /** The line and its useful radius change only with the direction; the slider just moves along it. */
  private lineFor(angle: number): void {
    if (angle === this.lineAngle) return;
    this.lineAngle = angle;
    this.line = lineOf(this.config, angle).line;
    this.curves = taylorCurves(this.line, this.config.radius);
    this.useful = usefulRadius(this.line, this.config.radius, this.config.tolerance);
  }

  private render(): void {
    this.lineFor(this.state.angle);
    this.current = taylorAt(this.line, this.state.s);
    this.drawChart();
    this.querySelector('.widget-readout tbody')!.innerHTML = readoutRows(this.strings, this.current, this.useful);
    this.querySelector('.widget-taylor-verdict')!.textContent = verdictText(this.strings, this.current, this.useful);
    this.showFieldValues(this.table, this.state as StateOf<LiveFields>);
    for (const name of ['s', 'angle'] as const) {
      const input = this.querySelector<HTMLInputElement>(`input[name=${name}-slider]`);
      if (input) input.value = String(this.state[name]);
    }
    this.dataset.useful = String(this.current.s >= -this.useful.minus && this.current.s <= this.useful.plus);
    this.writeFieldState(this.table, this.state as StateOf<LiveFields>, this.defaults as StateOf<LiveFields>);
  }

  /** The chart alone: what a resize redraws (never the fields, which may hold a value being typed). */
  private drawChart(): void {
    const width = boxWidth(this.chart, MIN_CHART_WIDTH, MAX_CHART_WIDTH);
    this.svg = taylorChart({
      document,
      curves: this.curves,
      current: this.current,
      useful: this.useful,
      xLabel: this.t(this.is2d ? 'widget.taylor-approximation.axis2d' : 'widget.taylor-approximation.axis1d'),
      yLabel: this.t('widget.taylor-approximation.axisLoss'),
      width,
      height: chartHeight(width),
    });
    this.chart.replaceChildren(this.svg);
    this.chart.setAttribute('aria-label', chartLabel(this.strings, this.current, this.useful));
  }

  private moveToPointer(e: PointerEvent): void {
    const svg = this.svg as (SVGSVGElement & { scale(name: string): { invert(v: number): number } }) | null;
    if (!svg) return;
    const rect = svg.getBoundingClientRect();
    const width = Number(svg.getAttribute('width'));
    const x = svg.scale('x').invert(((e.clientX - rect.left) * width) / rect.width);
    const step = this.field('s').step;
    if (Number.isFinite(x)) this.update({ s: adjustNumber(this.field('s'), Math.round(x / step) * step).value }, null, false);
  }

  /** ←/→ move s by one slider step (Shift: ten); ↑/↓ turn the direction in 2-D by 1° (Shift: 15°); Home: s = 0. */
  private onKey(e: KeyboardEvent): void {
    const sField = this.field('s');
    const sign = e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 1 : -1;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const s = this.state.s + sign * (e.shiftKey ? 10 : 1) * sField.step;
      this.update({ s: adjustNumber(sField, Number(s.toFixed(6))).value });
    } else if (this.is2d && (e.key === 'ArrowUp' || e.key === 'ArrowDown'))
      this.update({ angle: turn(this.state.angle, sign * (e.shiftKey ? 15 : 1)) });
    else if (e.key === 'Home') this.update({ s: 0 });
    else return;
    e.preventDefault();
  }

  protected exportBundle(): ExportBundle {
    const rows = [
      's,true,first_order,second_order,gap_first,gap_second',
      ...this.curves.map((c) => `${c.s},${c.truth},${c.first},${c.second},${c.gap1},${c.gap2}`),
    ];
    const c = this.config;
    const what = this.is2d
      ? { surface: c.surface, point: c.point, angleDegrees: this.state.angle }
      : { function: c.function, point: c.point };
    return {
      name: `saddle-${this.config.id}`,
      json: {
        mode: c.mode,
        ...what,
        loss: this.line.loss,
        slope: this.line.slope,
        curvature: this.line.curvature,
        current: this.current,
        useful: this.useful,
        curves: this.curves,
      },
      csv: `${rows.join('\n')}\n`,
      svg: this.svg,
    };
  }
}

customElements.define('saddle-taylor-approximation', TaylorApproximationElement);
