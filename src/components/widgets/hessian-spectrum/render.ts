// Draws HessianSpectrum's state into its markup: both charts at the width of their box, the readout, the two tables,
// the note on loss spikes and the data attributes tests and styles read. No state of its own beyond the last histogram.
import { spectrumBins } from '../../../lib/landscape/spectrum-bins.ts';
import { MIN_CHART_WIDTH } from '../shared/chart-theme.ts';
import { boxWidth } from '../shared/widget-element.ts';
import { lossChart, spectrumChart } from './chart.ts';
import type { RunSettings } from './model.ts';
import {
  eigenRows,
  histogramLabel,
  lossLabel,
  lossRows,
  readoutRows,
  spikeNote,
  type RunState,
  type SpectrumAt,
  type Strings,
} from './view.ts';

export interface ViewState {
  settings: RunSettings;
  run: RunState;
  spectrum: SpectrumAt | null;
  P: number;
}

export class SpectrumView {
  /** The histogram drawn last (the SVG download), and the spectrum it shows. */
  histSvg: SVGSVGElement | null = null;
  private histFor: SpectrumAt | null = null;
  private histWidth = 0;

  private readonly root: HTMLElement;
  private readonly s: Strings;

  constructor(root: HTMLElement, s: Strings) {
    this.root = root;
    this.s = s;
  }

  private part<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.root.querySelector<T>(selector)!;
  }

  /** Redraws everything; the histogram only when its spectrum or width changed. */
  draw({ settings, run, spectrum, P }: ViewState): void {
    const s = this.s;
    const width = boxWidth(this.part('.widget-spectrum-charts'), MIN_CHART_WIDTH, 560);
    const lossBox = this.part('.widget-loss-chart');
    lossBox.replaceChildren(
      lossChart({
        document,
        width,
        history: run.history,
        spectrumStep: spectrum?.step ?? null,
        labels: {
          x: s['widget.hessian-spectrum.axisStep']!,
          y: s['widget.hessian-spectrum.axisLoss']!,
          spectrum: s['widget.hessian-spectrum.spectrumMark']!,
        },
      }),
    );
    lossBox.setAttribute('aria-label', lossLabel(s, run));
    const note = this.part('.widget-spike-note');
    note.textContent = spikeNote(s, settings, run);
    note.hidden = note.textContent === '';
    if (this.histFor !== spectrum || this.histWidth !== width) {
      this.histFor = spectrum;
      this.histWidth = width;
      this.histSvg = spectrum
        ? spectrumChart({
            document,
            width,
            bins: spectrumBins(spectrum.eigenvalues, spectrum.classification.zeroTol),
            zeroTol: spectrum.classification.zeroTol,
            labels: { x: s['widget.hessian-spectrum.axisEigen']!, y: s['widget.hessian-spectrum.axisCount']! },
          })
        : null;
      const box = this.part('.widget-histogram');
      box.replaceChildren(...(this.histSvg ? [this.histSvg] : []));
      box.setAttribute('aria-label', histogramLabel(s, spectrum));
      this.part('.widget-eigen-table tbody').innerHTML = eigenRows(spectrum);
    }
    this.part('.widget-readout tbody').innerHTML = readoutRows(s, run, spectrum, P);
    this.part('.widget-loss-table tbody').innerHTML = lossRows(run);
  }

  /** Forgets the histogram, so the next draw makes it anew (after Reset). */
  forget(): void {
    this.histFor = null;
  }
}
