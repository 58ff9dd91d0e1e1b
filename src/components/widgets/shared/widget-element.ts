// Base of every widget's custom element: config and strings from data attributes, URL state, status, downloads.
import { fill } from './format.ts';
import { downloadBlob, svgToPngBlob, svgToString } from './download.ts';

export interface ExportBundle {
  /** File name without extension. */
  name: string;
  json: unknown;
  csv: string;
  svg: SVGSVGElement | null;
}

/** The width to draw a chart at: its box's width, kept within [lo, hi] (hi before the box has a width). */
export const boxWidth = (box: HTMLElement | null, lo: number, hi: number): number => Math.round(Math.min(hi, Math.max(lo, box?.clientWidth || hi)));

export abstract class WidgetElement<Config extends { id: string }> extends HTMLElement {
  protected config!: Config;
  protected strings: Record<string, string> = {};
  /** Whether the widget is on screen; heavy work pauses while it is not. */
  protected visible = true;
  private observer?: IntersectionObserver;
  private resizer?: ResizeObserver;
  private resizeTimer = 0;

  connectedCallback(): void {
    this.config = JSON.parse(this.dataset.config ?? '{}') as Config;
    this.strings = JSON.parse(this.dataset.strings ?? '{}') as Record<string, string>;
    this.observer = new IntersectionObserver(([entry]) => {
      const visible = entry?.isIntersecting ?? true;
      if (visible !== this.visible) {
        this.visible = visible;
        this.onVisibility(visible);
      }
    });
    this.observer.observe(this);
    this.addEventListener('click', (event) => {
      const kind = (event.target as HTMLElement).closest<HTMLElement>('[data-download]')?.dataset.download;
      if (kind) void this.download(kind);
    });
    this.enableKeyboardCharts();
    this.init();
    this.dataset.ready = 'true';
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    this.resizer?.disconnect();
    clearTimeout(this.resizeTimer);
    this.dispose();
  }

  /**
   * Charts marked `data-keyboard` take keys once the code runs: only then are they focusable, announced as an
   * interactive chart and pointed at the instructions (without JavaScript they stay plain images).
   */
  private enableKeyboardCharts(): void {
    this.querySelectorAll<HTMLElement>('[data-keyboard]').forEach((chart) => {
      chart.tabIndex = 0;
      chart.setAttribute('role', 'application');
      chart.setAttribute('aria-roledescription', this.t('widget.common.interactiveChart'));
      chart.setAttribute('aria-describedby', `${this.config.id}-instructions`);
    });
  }

  protected abstract init(): void;
  protected abstract exportBundle(): ExportBundle;
  protected dispose(): void {}
  protected onVisibility(_visible: boolean): void {}

  /** Calls `redraw` (debounced) when any of `boxes` changes size: rotating a phone, resizing a window. */
  protected watchSize(boxes: HTMLElement[], redraw: () => void, ms = 150): void {
    this.resizer = new ResizeObserver(() => {
      clearTimeout(this.resizeTimer);
      this.resizeTimer = window.setTimeout(redraw, ms);
    });
    for (const box of boxes) this.resizer.observe(box);
  }

  /** Calls `onPoint` on a press and while the pointer drags from it (mouse, pen or touch). */
  protected onDrag(target: HTMLElement, onPoint: (event: PointerEvent) => void): void {
    target.addEventListener('pointerdown', (e) => {
      target.setPointerCapture(e.pointerId);
      onPoint(e);
    });
    target.addEventListener('pointermove', (e) => {
      if (target.hasPointerCapture(e.pointerId)) onPoint(e);
    });
  }

  protected t(key: string, params?: Record<string, string | number>): string {
    return fill(this.strings[key] ?? key, params);
  }

  /**
   * Why a typed value was changed, or null if it was not: out of [lo, hi] (clamped), or inside it but not a whole
   * number where one is needed (rounded). `shown` formats the value used.
   */
  protected adjustedNotice(field: string, raw: number, value: number, lo: number, hi: number, shown: (v: number) => string = String): string | null {
    if (value === raw) return null;
    if (raw >= lo && raw <= hi) return this.t('widget.common.rounded', { field, value: shown(value) });
    return this.t('widget.common.clamped', { field, min: shown(lo), max: shown(hi), value: shown(value) });
  }

  /**
   * Shows a message in the status line and, unless `speak` is false, reads it out through the live region
   * (a widget that updates its status many times a second speaks only now and then).
   */
  protected announce(message: string, kind: 'info' | 'error' = 'info', speak = true): void {
    const status = this.querySelector<HTMLElement>('.widget-status');
    if (status) {
      status.textContent = message;
      status.dataset.kind = kind;
    }
    const live = this.querySelector<HTMLElement>('.widget-live');
    if (speak && live) live.textContent = message;
  }


  /** This widget's state from the page URL: `?<id>.<key>=value`. */
  protected readUrlState(): Record<string, string> {
    const prefix = `${this.config.id}.`;
    const out: Record<string, string> = {};
    new URLSearchParams(location.search).forEach((v, k) => {
      if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
    });
    return out;
  }

  /** Mirrors the state into the URL without a history entry per change, so the address can be shared. */
  protected writeUrlState(state: Record<string, string | number> | null): void {
    const params = new URLSearchParams(location.search);
    const prefix = `${this.config.id}.`;
    for (const key of [...params.keys()]) if (key.startsWith(prefix)) params.delete(key);
    if (state) for (const [k, v] of Object.entries(state)) params.set(prefix + k, String(v));
    const query = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  }

  private async download(kind: string): Promise<void> {
    const bundle = this.exportBundle();
    if (kind === 'json') downloadBlob(new Blob([JSON.stringify(bundle.json, null, 2)], { type: 'application/json' }), `${bundle.name}.json`);
    else if (kind === 'csv') downloadBlob(new Blob([bundle.csv], { type: 'text/csv' }), `${bundle.name}.csv`);
    else if (kind === 'svg' && bundle.svg) downloadBlob(new Blob([svgToString(bundle.svg)], { type: 'image/svg+xml' }), `${bundle.name}.svg`);
    else if (kind === 'png' && bundle.svg) downloadBlob(await svgToPngBlob(bundle.svg, getComputedStyle(this).color), `${bundle.name}.png`);
  }
}
