// Base of every widget's custom element: config and strings from data attributes, URL state, status, downloads.
import { fill } from './format.ts';
import { downloadBlob, svgToPngBlob, svgToString } from './download.ts';
import {
  adjustNumber,
  changeNotice,
  parseNumber,
  readUrl,
  short,
  stepNumber,
  writeUrl,
  type Adjusted,
  type FieldTable,
  type NumberField,
  type StateOf,
} from './fields.ts';

export interface ExportBundle {
  /** File name without extension. */
  name: string;
  json: unknown;
  csv: string;
  svg: SVGSVGElement | null;
}

/** The width to draw a chart at: its box's width, kept within [lo, hi] (hi before the box has a width). */
export const boxWidth = (box: HTMLElement | null, lo: number, hi: number): number =>
  Math.round(Math.min(hi, Math.max(lo, box?.clientWidth || hi)));

export abstract class WidgetElement<Config extends { id: string }> extends HTMLElement {
  protected config!: Config;
  protected strings: Record<string, string> = {};
  /** Whether the widget is on screen; heavy work pauses while it is not. */
  protected visible = true;
  private observer?: IntersectionObserver;
  private resizer?: ResizeObserver;
  private resizeTimer = 0;
  private pendingRuns = 0;

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
    // The controls were on the page all along, inert, holding their place (widgets.css); now they work.
    for (const el of this.querySelectorAll('[data-when="live"][inert]')) el.removeAttribute('inert');
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
  protected adjustedNotice(
    field: string,
    raw: number,
    value: number,
    lo: number,
    hi: number,
    shown: (v: number) => string = String,
  ): string | null {
    if (value === raw) return null;
    if (raw >= lo && raw <= hi) return this.t('widget.common.rounded', { field, value: shown(value) });
    return this.t('widget.common.clamped', { field, min: shown(lo), max: shown(hi), value: shown(value) });
  }

  /**
   * Shows a message in the status line and, unless `speak` is false, reads it out through the live region
   * (a widget that updates its status many times a second speaks only now and then). `spoken`, when given, is what
   * the live region reads instead: the message plus what the widget shows elsewhere on screen.
   */
  protected announce(message: string, kind: 'info' | 'error' = 'info', speak = true, spoken = message): void {
    const status = this.querySelector<HTMLElement>('.widget-status');
    if (status) {
      status.textContent = message;
      status.dataset.kind = kind;
    }
    const live = this.querySelector<HTMLElement>('.widget-live');
    if (speak && live) live.textContent = spoken;
  }

  /**
   * Shows why a worker run failed and what to do. A superseded or cancelled run says nothing. A worker that failed to
   * start or died says so and shows Retry, which hides itself and calls `retry` (the next run starts a fresh worker).
   * Any other error is shown as it is.
   */
  protected reportRunError(err: unknown, retry: () => void): void {
    const e = err as Error;
    if (e?.name === 'AbortError') return;
    const button = this.querySelector<HTMLButtonElement>('[data-action="retry"]');
    if (e?.name === 'WorkerLostError') {
      const phase = (e as Error & { phase?: string }).phase === 'start' ? 'workerStart' : 'workerDied';
      this.announce(this.t('widget.common.workerLost', { reason: this.t(`widget.common.${phase}`) }), 'error');
      if (button) {
        button.hidden = false;
        button.onclick = () => {
          button.hidden = true;
          retry();
        };
      }
      this.dataset.workerLost = 'true';
      return;
    }
    this.announce(e?.message ?? String(err), 'error');
  }

  /**
   * Marks the widget busy (`data-busy`) until `run` settles; with several runs in flight, until the last one does.
   * Tests and styles read the attribute instead of guessing how long a computation takes.
   */
  protected track<T>(run: Promise<T>): Promise<T> {
    this.pendingRuns++;
    this.dataset.busy = 'true';
    return run.finally(() => {
      if (--this.pendingRuns === 0) delete this.dataset.busy;
    });
  }

  /** Hides Retry once a run has worked again. */
  protected clearRunError(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-action="retry"]');
    if (button) button.hidden = true;
    delete this.dataset.workerLost;
  }

  /** The UI-string prefix of this widget (`widget.<name>.`), from its `data-saddle-widget` name. */
  protected get stringPrefix(): string {
    return `widget.${this.dataset.saddleWidget ?? ''}.`;
  }

  /** The label of a field of the table, in the page's language. */
  protected fieldLabel(fields: FieldTable, name: string): string {
    return this.t(this.stringPrefix + fields[name]!.label);
  }

  /**
   * The fields' state from the page URL, starting from `base`; a value in the link that had to be changed (out of
   * range, not a whole number, not a number) is used as changed and explained in the status line.
   */
  protected readFieldState<F extends FieldTable>(fields: F, base: StateOf<F>): StateOf<F> {
    const { state, adjusted } = readUrl(fields, this.readUrlState(), base);
    const notices = adjusted.map((a) => changeNotice(this.t.bind(this), fields[a.field]!, this.fieldLabel(fields, a.field), a));
    if (notices.length) this.announce(notices.join(' '), 'error');
    return state;
  }

  /** Mirrors the fields that differ from `defaults` (plus `extra`) into the URL; a clean address at the defaults. */
  protected writeFieldState<F extends FieldTable>(
    fields: F,
    state: StateOf<F>,
    defaults: StateOf<F>,
    extra: Record<string, string | number> = {},
  ): void {
    const entries = { ...(writeUrl(fields, state, defaults) ?? {}), ...extra };
    this.writeUrlState(Object.keys(entries).length ? entries : null);
  }

  /**
   * Wires the number inputs named after the table's number fields: a typed value is made acceptable (clamped,
   * rounded, or the current value kept when it is not a number) and handed to `onValue` with the notice that
   * explains any change (null when none); ↑/↓ move to the neighbouring multiple of the field's step (×10 with Shift).
   */
  protected bindNumberInputs<F extends FieldTable>(
    fields: F,
    current: () => StateOf<F>,
    onValue: (name: keyof F & string, value: number, notice: string | null) => void,
  ): void {
    for (const [name, f] of Object.entries(fields)) {
      if (f.kind !== 'number') continue;
      const input = this.querySelector<HTMLInputElement>(`input[name="${name}"]`);
      if (!input) continue;
      const commit = (a: Adjusted) =>
        onValue(
          name,
          a.value,
          a.change ? changeNotice(this.t.bind(this), f, this.fieldLabel(fields, name), { value: a.value, change: a.change }) : null,
        );
      input.addEventListener('change', () => commit(adjustNumber(f, parseNumber(input.value), current()[name] as number)));
      input.addEventListener('keydown', (e) => {
        if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
        e.preventDefault();
        const from = parseNumber(input.value);
        const base = Number.isFinite(from) ? from : (current()[name] as number);
        commit({ value: stepNumber(f, base, e.key === 'ArrowUp' ? 1 : -1, e.shiftKey), change: null });
      });
    }
  }

  /** Shows the state in the number inputs; the `value` attribute follows too, so the browser steps from it. */
  protected showFieldValues<F extends FieldTable>(fields: F, state: StateOf<F>): void {
    for (const [name, f] of Object.entries(fields)) {
      const input = this.querySelector<HTMLInputElement>(`input[name="${name}"]`);
      if (!input || f.kind !== 'number') continue;
      const text = String(short(state[name as keyof F] as number));
      input.setAttribute('value', text);
      input.value = text;
    }
  }

  /** A field of the table by name, typed as a number field. */
  protected numberField(fields: FieldTable, name: string): NumberField {
    const f = fields[name];
    if (f?.kind !== 'number') throw new Error(`"${name}" is not a number field`);
    return f;
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
    if (kind === 'json')
      downloadBlob(new Blob([JSON.stringify(bundle.json, null, 2)], { type: 'application/json' }), `${bundle.name}.json`);
    else if (kind === 'csv') downloadBlob(new Blob([bundle.csv], { type: 'text/csv' }), `${bundle.name}.csv`);
    else if (kind === 'svg' && bundle.svg)
      downloadBlob(new Blob([svgToString(bundle.svg)], { type: 'image/svg+xml' }), `${bundle.name}.svg`);
    else if (kind === 'png' && bundle.svg) downloadBlob(await svgToPngBlob(bundle.svg, getComputedStyle(this).color), `${bundle.name}.png`);
  }
}
