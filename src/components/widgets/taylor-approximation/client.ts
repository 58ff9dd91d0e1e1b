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
import { taylorChart } from './chart.ts';
import { lineOf } from './model.ts';
import { chartLabel, readoutRows, verdictText } from './view.ts';
import { num } from '../shared/format.ts';
import { WidgetElement, type ExportBundle } from '../shared/widget-element.ts';

const round = (v: number) => Math.round(v * 1e6) / 1e6;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

class TaylorApproximationElement extends WidgetElement<TaylorApproximationProps> {
  private s = 0;
  private angle = 45;
  private line!: LineSlice;
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
    const url = this.readUrlState();
    const fromUrl = (key: string, fallback: number) =>
      url[key] !== undefined && Number.isFinite(Number(url[key])) ? Number(url[key]) : fallback;
    const r = this.config.radius;
    this.s = round(clamp(fromUrl('s', this.config.distance), -r, r));
    this.angle = this.normalAngle(fromUrl('angle', this.config.angle));
    this.computeLine();

    this.querySelectorAll<HTMLInputElement>('input[type=range]').forEach((input) =>
      input.addEventListener('input', () => this.onSlider(input)),
    );
    this.querySelectorAll<HTMLInputElement>('input[type=number]').forEach((input) =>
      input.addEventListener('change', () => this.onField(input)),
    );
    this.querySelector('[data-action=reset]')!.addEventListener('click', () => this.reset());
    this.chart.addEventListener('keydown', (e) => this.onKey(e));
    this.onDrag(this.chart, (e) => this.moveToPointer(e));
    this.render();
  }

  /** Angles live in [0, 360). */
  private normalAngle(a: number): number {
    return round(((a % 360) + 360) % 360);
  }

  /** The line and its useful radius change only with the direction; the slider just moves along it. */
  private computeLine(): void {
    this.line = lineOf(this.config, this.angle).line;
    this.curves = taylorCurves(this.line, this.config.radius);
    this.useful = usefulRadius(this.line, this.config.radius, this.config.tolerance);
  }

  private setS(v: number): void {
    const r = this.config.radius;
    this.s = round(clamp(v, -r, r));
    this.render();
  }

  private setAngle(a: number): void {
    this.angle = this.normalAngle(a);
    this.computeLine();
    this.render();
  }

  private render(): void {
    this.current = taylorAt(this.line, this.s);
    const xLabel = this.t(this.is2d ? 'widget.taylor-approximation.axis2d' : 'widget.taylor-approximation.axis1d');
    // Drawn at the column's width (not scaled down) so the axis text stays legible on a phone.
    const width = Math.round(Math.min(640, Math.max(300, this.chart.clientWidth || 640)));
    const height = Math.round(Math.max(260, (width * 340) / 640));
    this.svg = taylorChart({
      document,
      curves: this.curves,
      current: this.current,
      useful: this.useful,
      xLabel,
      yLabel: this.t('widget.taylor-approximation.axisLoss'),
      width,
      height,
    });
    this.chart.replaceChildren(this.svg);
    this.chart.setAttribute('aria-label', chartLabel(this.strings, this.current, this.useful));
    this.querySelector('.widget-readout tbody')!.innerHTML = readoutRows(this.strings, this.current, this.useful);
    this.querySelector('.widget-taylor-verdict')!.textContent = verdictText(this.strings, this.current, this.useful);
    const set = (name: string, v: number) => {
      const input = this.querySelector<HTMLInputElement>(`input[name=${name}]`);
      if (input) input.value = String(v);
    };
    set('s', this.s);
    set('s-value', this.s);
    set('angle', this.angle);
    set('angle-value', this.angle);
    const inside = this.s >= -this.useful.minus && this.s <= this.useful.plus;
    this.dataset.useful = String(inside);
    const atDefault = this.s === this.config.distance && (!this.is2d || this.angle === this.normalAngle(this.config.angle));
    this.writeUrlState(atDefault ? null : this.is2d ? { s: this.s, angle: this.angle } : { s: this.s });
  }

  private moveToPointer(e: PointerEvent): void {
    const svg = this.svg as (SVGSVGElement & { scale(name: string): { invert(v: number): number } }) | null;
    if (!svg) return;
    const rect = svg.getBoundingClientRect();
    const width = Number(svg.getAttribute('width'));
    const x = svg.scale('x').invert(((e.clientX - rect.left) * width) / rect.width);
    if (Number.isFinite(x)) this.setS(Math.round(x / this.step()) * this.step());
  }

  private step(): number {
    return this.config.radius / 100;
  }

  /** ←/→ move s (Shift: ten times further); ↑/↓ turn the direction in 2-D (Shift: 15°). */
  private onKey(e: KeyboardEvent): void {
    const k = e.shiftKey ? 10 : 1;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') this.setS(this.s + (e.key === 'ArrowRight' ? 1 : -1) * k * this.step());
    else if (this.is2d && (e.key === 'ArrowUp' || e.key === 'ArrowDown'))
      this.setAngle(this.angle + (e.key === 'ArrowUp' ? 1 : -1) * (e.shiftKey ? 15 : 1));
    else if (e.key === 'Home') this.setS(0);
    else return;
    e.preventDefault();
  }

  private onSlider(input: HTMLInputElement): void {
    const v = Number(input.value);
    if (input.name === 'angle') this.setAngle(v);
    else this.setS(v);
  }

  private onField(input: HTMLInputElement): void {
    const isAngle = input.name === 'angle-value';
    const label = this.t(isAngle ? 'widget.taylor-approximation.angle' : 'widget.taylor-approximation.distance');
    const current = isAngle ? this.angle : this.s;
    const raw = input.value.trim() === '' ? Number.NaN : Number(input.value);
    if (!Number.isFinite(raw)) {
      input.value = String(current);
      this.announce(this.t('widget.common.notANumber', { field: label, value: num(current, 3) }), 'error');
      return;
    }
    const [lo, hi] = isAngle ? [0, 360] : [-this.config.radius, this.config.radius];
    const value = clamp(raw, lo, hi);
    const notice = this.adjustedNotice(label, raw, value, lo, hi, (v) => num(v, 3));
    if (notice) this.announce(notice, 'error');
    else this.announce('');
    if (isAngle) this.setAngle(value);
    else this.setS(value);
    input.value = String(isAngle ? this.angle : this.s);
  }

  private reset(): void {
    this.announce('');
    this.s = this.config.distance;
    this.setAngle(this.config.angle);
  }

  protected exportBundle(): ExportBundle {
    const rows = [
      's,true,first_order,second_order,gap_first,gap_second',
      ...this.curves.map((c) => `${c.s},${c.truth},${c.first},${c.second},${c.gap1},${c.gap2}`),
    ];
    const c = this.config;
    const what = this.is2d ? { surface: c.surface, point: c.point, angleDegrees: this.angle } : { function: c.function, point: c.point };
    return {
      name: `saddle-${this.config.id}-${this.is2d ? this.config.surface : this.config.function}`,
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
