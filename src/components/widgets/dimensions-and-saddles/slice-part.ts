// Part (a) of <saddle-dimensions-and-saddles>: the contour map with its slicing line and the slice curve; the line
// turns by slider, drag, arrow keys or the Rotate animation (whose button reads Stop while it runs).
import { sliceScene, type SliceScene } from '../../../lib/landscape/slices.ts';
import { num } from '../shared/format.ts';
import { boxWidth } from '../shared/widget-element.ts';
import { angleAtPointer, drawSliceLine, sliceCurveChart, sliceMapChart } from './chart.ts';
import { keyAngle, rotationAngle } from './rotation.ts';
import { mapLabel, sliceRows, sliceStatus, type Strings } from './view.ts';

export interface SliceHost {
  root: HTMLElement;
  strings: Strings;
  t(key: string, params?: Record<string, string | number>): string;
  /** The slice's fields as they are now (the part writes `angle`). */
  state: { a: number; b: number; angle: number };
  announce(message: string): void;
  onDrag(target: HTMLElement, onPoint: (event: PointerEvent) => void): void;
  /** The angle, a or b changed (and no animation runs): mirror the state into the URL. */
  saved(): void;
}

const P = 'widget.dimensions-and-saddles.';

export class SlicePart {
  scene!: SliceScene;
  private map: SVGSVGElement | null = null;
  private mapKey = '';
  private mapBox: HTMLElement;
  private rotation: { start: number; from: number; elapsed: number; frame: number } | null = null;

  private host: SliceHost;

  constructor(host: SliceHost) {
    this.host = host;
    this.mapBox = this.el<HTMLElement>('.dims-map');
    const slider = this.el<HTMLInputElement>('input[name=angle]');
    slider.addEventListener('input', () => {
      this.stopRotation(false);
      this.setAngle(Number(slider.value), true);
    });
    this.el('[data-action=rotate]').addEventListener('click', () => (this.rotation ? this.stopRotation(true) : this.startRotation()));
    this.mapBox.addEventListener('keydown', (e) => {
      const next = keyAngle(this.host.state.angle, e.key, e.shiftKey);
      if (next === null) return;
      e.preventDefault();
      this.stopRotation(false);
      this.setAngle(next, true);
    });
    host.onDrag(this.mapBox, (e) => {
      if (!this.map) return;
      const angle = angleAtPointer(this.map, e.clientX, e.clientY);
      if (angle === null) return;
      this.stopRotation(false);
      this.setAngle(Math.round(angle) % 180, true);
    });
  }

  private el<E extends Element>(sel: string): E {
    return this.host.root.querySelector<E>(sel)!;
  }

  /** Draws the map (again only when a, b or its width changed), the slicing line and the slice curve at their boxes' widths. */
  draw(): void {
    const { a, b, angle } = this.host.state;
    const size = boxWidth(this.mapBox, 280, 460);
    const key = `${a}/${b}/${size}`;
    if (key !== this.mapKey || !this.map) {
      const { centre, halfAngle } = this.scene.cone;
      this.map = sliceMapChart({ document, a, b, flat: [centre - halfAngle, centre + halfAngle], size });
      this.mapBox.replaceChildren(this.map);
      this.mapKey = key;
    }
    drawSliceLine(document, this.map, angle);
    const curveBox = this.el<HTMLElement>('.dims-curve');
    curveBox.replaceChildren(
      sliceCurveChart({
        document,
        scene: this.scene,
        width: boxWidth(curveBox, 280, 460),
        labels: { x: this.host.t(`${P}axisT`), y: this.host.t(`${P}axisLoss`) },
      }),
    );
  }

  /** Recomputes the slice and shows it: charts, readout, slider (never the typed fields: they may hold a reader's edit). */
  render(announce: boolean): void {
    const { a, b, angle } = this.host.state;
    this.scene = sliceScene(a, b, angle);
    this.draw();
    this.mapBox.setAttribute('aria-label', mapLabel(this.host.strings, this.scene));
    this.el('.dims-readout tbody').innerHTML = sliceRows(this.host.strings, this.scene);
    const slider = this.el<HTMLInputElement>('input[name=angle]');
    slider.value = String(Math.round(angle));
    slider.setAttribute('aria-valuetext', `${num(angle, 0)}°`);
    this.el('output[name=angleOut]').textContent = `${num(angle, 0)}°`;
    this.host.root.dataset.slice = this.scene.verdict;
    this.host.root.dataset.angle = String(Math.round(angle));
    if (announce) this.host.announce(sliceStatus(this.host.strings, this.scene));
    if (!this.rotation) this.host.saved();
  }

  private setAngle(angle: number, announce: boolean): void {
    this.host.state.angle = Math.min(180, Math.max(0, angle));
    this.render(announce);
  }

  get rotating(): boolean {
    return this.rotation !== null;
  }

  private setButton(on: boolean): void {
    const button = this.el<HTMLButtonElement>('[data-action=rotate]');
    button.setAttribute('aria-pressed', String(on));
    button.textContent = this.host.t(`${P}${on ? 'stop' : 'rotate'}`);
    this.host.root.dataset.rotating = String(on);
  }

  private startRotation(): void {
    this.rotation = { start: performance.now(), from: this.host.state.angle, elapsed: 0, frame: 0 };
    this.setButton(true);
    this.host.announce(this.host.t(`${P}rotating`));
    this.rotation.frame = requestAnimationFrame((now) => this.frame(now));
  }

  private frame(now: number): void {
    const r = this.rotation;
    if (!r) return;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const { angle, finished } = rotationAngle(r.from, r.elapsed + (now - r.start), reduced);
    this.host.state.angle = angle;
    this.render(false);
    if (finished) this.stopRotation(true);
    else r.frame = requestAnimationFrame((t) => this.frame(t));
  }

  /** Ends the animation on a whole degree; `announce` says where the line stopped. */
  stopRotation(announce: boolean): void {
    if (!this.rotation) return;
    cancelAnimationFrame(this.rotation.frame);
    this.rotation = null;
    this.setButton(false);
    this.host.state.angle = Math.round(this.host.state.angle) % 180;
    this.render(announce);
  }

  /** Off screen the animation holds still and resumes where it was. */
  onVisibility(visible: boolean): void {
    const r = this.rotation;
    if (!r) return;
    if (!visible) {
      cancelAnimationFrame(r.frame);
      r.elapsed += performance.now() - r.start;
      return;
    }
    r.start = performance.now();
    r.frame = requestAnimationFrame((t) => this.frame(t));
  }

  dispose(): void {
    if (this.rotation) cancelAnimationFrame(this.rotation.frame);
  }
}
