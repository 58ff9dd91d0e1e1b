// <saddle-surface-explorer>: moves θ′ by pointer, keys or fields; redraws chart and readout; escape step and descent.
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
import { chartLabel, readoutRows } from './view.ts';
import { num } from '../shared/format.ts';
import { WidgetElement, type ExportBundle } from '../shared/widget-element.ts';

const round = (v: number) => Math.round(v * 1000) / 1000;

class SurfaceExplorerElement extends WidgetElement<SurfaceExplorerProps> {
  private point: Vec2 = [0, 0];
  private lr = 0.05;
  private descent: DescentPath | undefined;
  private escape: EscapeStep | null = null;
  private analysis!: PointAnalysis;
  private svg: SVGSVGElement | null = null;
  private grid!: { values: number[]; ticks: number[] };
  private chart!: HTMLElement;

  private get surface() {
    return SURFACES[this.config.surface];
  }

  protected init(): void {
    const [lo, hi] = this.surface.domain;
    this.grid = lossGrid2d(this.surface, lo, hi, 81);
    this.chart = this.querySelector<HTMLElement>('.widget-chart')!;
    const url = this.readUrlState();
    const fromUrl = (key: string, fallback: number) =>
      url[key] !== undefined && Number.isFinite(Number(url[key])) ? Number(url[key]) : fallback;
    this.point = [this.clampCoord(fromUrl('w1', this.config.start[0])), this.clampCoord(fromUrl('w2', this.config.start[1]))];
    this.lr = Math.min(2, Math.max(0.001, fromUrl('lr', this.config.lr)));

    this.querySelectorAll<HTMLInputElement>('input[type=number]').forEach((input) =>
      input.addEventListener('change', () => this.onField(input)),
    );
    this.querySelector('[data-action=escape]')!.addEventListener('click', () => this.stepEscape());
    this.querySelector('[data-action=descend]')!.addEventListener('click', () => this.runDescent());
    this.querySelector('[data-action=reset]')!.addEventListener('click', () => this.reset());
    this.chart.addEventListener('keydown', (e) => this.onKey(e));
    this.onDrag(this.chart, (e) => this.moveToPointer(e));
    this.render();
  }

  private clampCoord(v: number): number {
    const [lo, hi] = this.surface.domain;
    return Math.min(hi, Math.max(lo, v));
  }

  /** Moves θ′; pointer, key and field moves snap to 0.001, an escape step lands exactly where it says. */
  private setPoint(p: Vec2, keep: { escape?: EscapeStep | null } = {}): void {
    const snap = keep.escape ? (v: number) => v : round;
    this.point = [snap(this.clampCoord(p[0])), snap(this.clampCoord(p[1]))];
    this.descent = undefined;
    this.escape = keep.escape ?? null;
    this.render();
  }

  private render(): void {
    this.analysis = analyzePoint(this.surface, this.point);
    this.svg = surfaceChart({
      document,
      domain: this.surface.domain,
      grid: this.grid,
      analysis: this.analysis,
      path: this.descent?.points,
      escape: this.escape,
    });
    this.chart.replaceChildren(this.svg);
    this.chart.setAttribute('aria-label', chartLabel(this.strings, this.analysis));
    this.querySelector('.widget-readout tbody')!.innerHTML = readoutRows(this.strings, this.analysis);
    const set = (name: string, v: number) => {
      const input = this.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
      input.value = String(v);
    };
    set('w1', this.point[0]);
    set('w2', this.point[1]);
    set('lr', this.lr);
    this.dataset.verdict = this.analysis.classification.verdict;
    const [w1, w2] = this.point;
    const start = this.config.start;
    const atDefault = w1 === start[0] && w2 === start[1] && this.lr === this.config.lr;
    const short = (v: number) => Number(v.toFixed(6));
    this.writeUrlState(atDefault ? null : { w1: short(w1), w2: short(w2), lr: short(this.lr) });
  }

  private moveToPointer(e: PointerEvent): void {
    const svg = this.svg as (SVGSVGElement & { scale(name: string): { invert(v: number): number } }) | null;
    if (!svg) return;
    const rect = svg.getBoundingClientRect();
    const width = Number(svg.getAttribute('width'));
    const height = Number(svg.getAttribute('height'));
    const x = svg.scale('x').invert(((e.clientX - rect.left) * width) / rect.width);
    const y = svg.scale('y').invert(((e.clientY - rect.top) * height) / rect.height);
    if (Number.isFinite(x) && Number.isFinite(y)) this.setPoint([x, y]);
  }

  private onKey(e: KeyboardEvent): void {
    const step = e.shiftKey ? 0.25 : 0.05;
    const moves: Record<string, Vec2> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const d = moves[e.key];
    if (!d) return;
    e.preventDefault();
    this.setPoint([this.point[0] + d[0], this.point[1] + d[1]]);
  }

  private onField(input: HTMLInputElement): void {
    const name = input.name;
    const label = this.t(`widget.surface-explorer.${name}`);
    const current = name === 'lr' ? this.lr : this.point[name === 'w1' ? 0 : 1];
    const raw = input.value.trim() === '' ? Number.NaN : Number(input.value);
    if (!Number.isFinite(raw)) {
      input.value = String(current);
      this.announce(this.t('widget.common.notANumber', { field: label, value: num(current, 3) }), 'error');
      return;
    }
    const [lo, hi] = name === 'lr' ? [0.001, 2] : this.surface.domain;
    const value = Math.min(hi, Math.max(lo, raw));
    const notice = this.adjustedNotice(label, raw, value, lo, hi, (v) => num(v, 3));
    if (notice) this.announce(notice, 'error');
    else this.announce('');
    if (name === 'lr') {
      this.lr = value;
      this.render();
    } else {
      this.setPoint(name === 'w1' ? [value, this.point[1]] : [this.point[0], value]);
    }
  }

  private stepEscape(): void {
    const step = escapeStep(this.surface, this.analysis, this.config.alpha);
    if (!step) {
      this.announce(this.t('widget.surface-explorer.noEscape'));
      return;
    }
    this.setPoint(step.to, { escape: step });
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
    this.descent = descentPath(this.surface, this.point, this.lr, this.config.steps);
    const end = this.descent.points.at(-1)!;
    const params = {
      steps: this.descent.steps,
      w1: num(end[0]),
      w2: num(end[1]),
      loss: num(this.descent.losses.at(-1)!),
      lr: num(this.lr, 3),
    };
    if (this.descent.outcome === 'diverged') this.announce(this.t('widget.surface-explorer.descentDiverged', params), 'error');
    else
      this.announce(
        this.t(
          this.descent.outcome === 'converged' ? 'widget.surface-explorer.descentConverged' : 'widget.surface-explorer.descentMaxSteps',
          params,
        ),
      );
    this.render();
  }

  private reset(): void {
    this.lr = this.config.lr;
    this.announce('');
    this.setPoint([...this.config.start]);
  }

  protected exportBundle(): ExportBundle {
    const rows = [
      'step,w1,w2,loss',
      ...(this.descent
        ? this.descent.points.map((p, i) => `${i},${p[0]},${p[1]},${this.descent!.losses[i]}`)
        : [`0,${this.point[0]},${this.point[1]},${this.analysis.loss}`]),
    ];
    return {
      name: `saddle-${this.config.id}-${this.config.surface}`,
      json: {
        surface: this.config.surface,
        learningRate: this.lr,
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
