// <saddle-dimensions-and-saddles>: the field state, URL, reset and downloads; part (a) lives in slice-part.ts, part (b) in goe-part.ts.
import { goeStats, type GoeCount } from '../../../lib/experiments/goe-stats.ts';
import { stateFrom, short, type StateOf } from '../shared/fields.ts';
import { WidgetElement, type ExportBundle } from '../shared/widget-element.ts';
import type { DimensionsAndSaddlesProps } from './props.ts';
import { fields, typedFields, GOE_FIELDS } from './fields.ts';
import { SlicePart } from './slice-part.ts';
import { GoePart } from './goe-part.ts';
import { sliceStatus } from './view.ts';

type State = StateOf<typeof fields>;
const P = 'widget.dimensions-and-saddles.';

class DimensionsElement extends WidgetElement<DimensionsAndSaddlesProps> {
  private state!: State;
  private defaults!: State;
  private slice!: SlicePart;
  private goe!: GoePart;
  private initial!: { samples: number; rows: GoeCount[] };
  private widths = '';

  protected init(): void {
    this.initial = JSON.parse(this.dataset.initial ?? '{"samples":0,"rows":[]}');
    this.defaults = stateFrom(fields, this.config);
    this.state = this.readFieldState(fields, this.defaults);
    const speak = (message: string, kind: 'info' | 'error' = 'info') => this.announce(message, kind);
    this.slice = new SlicePart({
      root: this,
      strings: this.strings,
      t: (k, p) => this.t(k, p),
      state: this.state,
      announce: speak,
      onDrag: (target, onPoint) => this.onDrag(target, onPoint),
      saved: () => this.saveUrl(),
    });
    this.goe = new GoePart({
      root: this,
      strings: this.strings,
      t: (k, p) => this.t(k, p),
      sizes: () => ({ maxN: this.state.maxN, samples: this.state.samples, seed: this.state.seed }),
      visible: () => this.visible,
      announce: speak,
      track: (run) => this.track(run),
      reportRunError: (err, retry) => this.reportRunError(err, retry),
      clearRunError: () => this.clearRunError(),
      saved: () => this.saveUrl(),
    });
    this.bindNumberInputs(
      typedFields,
      () => this.state,
      (name, value, notice) => this.onValue(name, value, notice),
    );
    this.querySelector('[data-action=reset]')!.addEventListener('click', () => this.reset());

    // A status from the link (a value it had to change) stays; otherwise the slice's own status is current.
    const linkNotice = this.querySelector('.widget-status')?.getAttribute('data-kind') === 'error';
    this.slice.render(false);
    this.showFieldValues(fields, this.state);
    const c = this.defaults;
    const fresh = GOE_FIELDS.every((f) => this.state[f] === c[f]);
    if (fresh) this.goe.resetTo(this.initial.rows, 1);
    else this.goe.render();
    if (!linkNotice) this.announce(sliceStatus(this.strings, this.slice.scene));
    this.goe.request(this.state.batches);

    // Redraw the charts at their boxes' widths when those change (rotating a phone, resizing a window).
    const boxes = ['.dims-map', '.dims-curve', '.dims-goe-chart'].map((sel) => this.querySelector<HTMLElement>(sel)!);
    this.widths = boxes.map((b) => b.clientWidth).join('/');
    this.watchSize(boxes, () => {
      const widths = boxes.map((b) => b.clientWidth).join('/');
      if (widths === this.widths) return;
      this.widths = widths;
      this.slice.draw();
      this.goe.draw();
    });
  }

  /**
   * A typed value, already made acceptable (`notice` says how, if it was changed). a and b redraw the slice at once,
   * even mid-rotation; a new size, sample count or seed starts the counts over, and if a batch was running the
   * status says it was dropped for the new value, so nothing typed is silently undone.
   */
  private onValue(name: keyof typeof typedFields, value: number, notice: string | null): void {
    const changed = this.state[name] !== value;
    this.state[name] = value;
    this.showFieldValues(typedFields, this.state);
    if (name === 'a' || name === 'b') {
      if (changed) this.slice.render(!notice);
      if (notice) this.announce(notice, 'error');
      return;
    }
    if (!changed) {
      if (notice) this.announce(notice, 'error');
      return;
    }
    const during = this.goe.isRunning
      ? this.t(`${P}restarted`, { field: this.fieldLabel(fields, name), value: String(short(value)) })
      : null;
    this.goe.restart([notice, during].filter(Boolean).join(' ') || null);
  }

  private reset(): void {
    this.slice.stopRotation(false);
    Object.assign(this.state, this.defaults);
    this.showFieldValues(fields, this.state);
    this.clearRunError();
    this.goe.resetTo(this.initial.rows, 1);
    this.slice.render(false);
    this.announce(sliceStatus(this.strings, this.slice.scene));
  }

  private saveUrl(): void {
    const state = { ...this.state, angle: Math.round(this.state.angle * 100) / 100, batches: Math.max(1, this.goe?.done ?? 1) };
    this.writeFieldState(fields, state, this.defaults);
  }

  protected override onVisibility(visible: boolean): void {
    this.slice.onVisibility(visible);
    this.goe.onVisibility(visible);
  }

  protected override dispose(): void {
    this.slice?.dispose();
    this.goe?.dispose();
  }

  protected exportBundle(): ExportBundle {
    const stats = goeStats(this.goe.counts);
    const rows = [
      'n,samples,positive_definite,fraction,lower95,upper95,exact,exp_minus_theta_n2',
      ...stats.map((r) => `${r.n},${r.samples},${r.positiveDefinite},${r.fraction},${r.lower},${r.upper},${r.exact ?? ''},${r.asymptotic}`),
    ];
    const { curve, ...slice } = this.slice.scene;
    const { a, b, maxN, samples, seed } = this.state;
    return {
      name: `saddle-${this.config.id}`,
      json: {
        slice: { a, b, ...slice, curve },
        goe: { maxN, samplesPerBatch: samples, seed, batches: this.goe.done, rows: stats },
      },
      csv: `${rows.join('\n')}\n`,
      svg: this.goe.svg,
    };
  }
}

customElements.define('saddle-dimensions-and-saddles', DimensionsElement);
