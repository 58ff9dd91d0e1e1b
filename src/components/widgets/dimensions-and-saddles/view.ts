// The DimensionsAndSaddles's text parts, shared by the build-time figure and the live widget: readouts, table rows, labels, status.
import type { SliceScene } from '../../../lib/landscape/slices.ts';
import type { GoeStats } from '../../../lib/experiments/goe-stats.ts';
import { escapeHtml, fill, num, sentences } from '../shared/format.ts';
import { durationParts } from './model.ts';
import { powerOfTen } from '../shared/chart-theme.ts';

export type Strings = Record<string, string>;

const deg = (v: number, digits = 1) => `${num(v, digits)}°`;
const row = (label: string, value: string, cls: string) =>
  `<tr class="${cls}"><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;

/** A probability for a table: fixed digits while readable, then 1.23×10⁻⁵ below 10⁻³ (not 1.23e−5). */
export function prob(p: number): string {
  if (p === 0) return '0';
  if (p >= 1e-3) return num(p, 4);
  const [mantissa, exponent] = p.toExponential(2).split('e');
  return `${mantissa}×${powerOfTen(10 ** Number(exponent))}`;
}

export function sliceVerdictText(s: Strings, sc: SliceScene): string {
  return s[`widget.dimensions-and-saddles.slice${sc.verdict === 'minimum' ? 'Minimum' : sc.verdict === 'maximum' ? 'Maximum' : 'Flat'}`]!;
}

export function surfaceText(s: Strings, sc: SliceScene): string {
  return fill(s['widget.dimensions-and-saddles.surfaceSaddle']!, { l1: num(sc.eigenvalues[1], 4), l2: num(sc.eigenvalues[0], 4) });
}

/** The ranges of minimum-looking angles, e.g. "0° to 63.4° and 116.6° to 180°". */
export function rangesText(s: Strings, sc: SliceScene): string {
  return sc.ranges
    .map(([a, b]) => fill(s['widget.dimensions-and-saddles.rangeItem']!, { from: deg(a), to: deg(b) }))
    .join(s['widget.dimensions-and-saddles.rangeJoin']!);
}

/** Part (a) readout: also the text alternative of both slice charts. */
export function sliceRows(s: Strings, sc: SliceScene): string {
  return [
    row(
      s['widget.dimensions-and-saddles.direction']!,
      fill(s['widget.dimensions-and-saddles.directionValue']!, { angle: deg(sc.angle), u1: num(sc.u[0], 3), u2: num(sc.u[1], 3) }),
      'row-direction',
    ),
    row(s['widget.dimensions-and-saddles.curvature']!, num(sc.curvature, 4), 'row-curvature'),
    row(s['widget.dimensions-and-saddles.sliceVerdict']!, sliceVerdictText(s, sc), `row-slice is-${sc.verdict}`),
    row(s['widget.dimensions-and-saddles.surfaceVerdict']!, surfaceText(s, sc), 'row-surface'),
    row(
      s['widget.dimensions-and-saddles.cone']!,
      fill(s['widget.dimensions-and-saddles.coneValue']!, {
        half: deg(sc.cone.halfAngle, 2),
        ranges: rangesText(s, sc),
        share: `${num(100 * sc.cone.share, 1)}%`,
      }),
      'row-cone',
    ),
  ].join('');
}

export function mapLabel(s: Strings, sc: SliceScene): string {
  return fill(s['widget.dimensions-and-saddles.mapLabel']!, { angle: deg(sc.angle), verdict: sliceVerdictText(s, sc) });
}

export function sliceStatus(s: Strings, sc: SliceScene): string {
  return fill(s['widget.dimensions-and-saddles.sliceStatus']!, {
    angle: deg(sc.angle),
    verdict: sliceVerdictText(s, sc),
    curvature: num(sc.curvature, 4),
    surface: surfaceText(s, sc),
  });
}

/** Part (b): one table row per n. */
export function goeRows(s: Strings, stats: readonly GoeStats[]): string {
  return stats
    .map((r) => {
      const measured = r.zero
        ? fill(s['widget.dimensions-and-saddles.zeroValue']!, { K: r.samples, bound: prob(r.upper) })
        : fill(s['widget.dimensions-and-saddles.fractionValue']!, {
            fraction: prob(r.fraction),
            pm: prob(1.959964 * Math.sqrt((r.fraction * (1 - r.fraction)) / r.samples)),
          });
      const interval = r.zero ? `[0, ${prob(r.upper)}]` : `[${prob(r.lower)}, ${prob(r.upper)}]`;
      return `<tr data-n="${r.n}"><td>${r.n}</td><td>${r.samples}</td><td>${r.positiveDefinite}</td><td class="col-fraction">${escapeHtml(measured)}</td><td>${interval}</td><td>${r.exact === null ? '—' : prob(r.exact)}</td><td>${prob(r.asymptotic)}</td></tr>`;
    })
    .join('');
}

/** "1 matrix", "2 matrices", "1 batch", "3 batches" (the Chinese strings have one form). */
export function counted(s: Strings, what: 'Matrix' | 'Batch', count: number): string {
  return fill(s[`widget.dimensions-and-saddles.count${count === 1 ? what : what === 'Matrix' ? 'Matrices' : 'Batches'}`]!, { count });
}

/** Set when the counts are only a first batch made smaller than asked for, to paint quickly: its size and the size asked for. */
export interface QuickBatch {
  first: number;
  samples: number;
}

/** The quick first batch when `samples` per batch were asked for and only the first batch is done, else null. */
export function quickBatch(first: number, samples: number, batches: number): QuickBatch | null {
  return batches === 1 && first < samples ? { first, samples } : null;
}

export function goeLabel(s: Strings, stats: readonly GoeStats[], maxN: number, quick: QuickBatch | null = null): string {
  return fill(s['widget.dimensions-and-saddles.goeLabel']!, { maxN, summary: goeSummary(s, stats, quick) });
}

/** One sentence about the counts: n = 2 against its exact value, and from which n no positive definite matrix was seen. */
export function goeSummary(s: Strings, stats: readonly GoeStats[], quick: QuickBatch | null = null): string {
  const two = stats.find((r) => r.n === 2);
  const firstZero = stats.find((r) => r.zero && r.samples > 0);
  const samples = stats[0]?.samples ?? 0;
  const parts = [
    quick && samples === quick.first
      ? fill(s['widget.dimensions-and-saddles.summaryQuick']!, { matrices: counted(s, 'Matrix', quick.first), samples: quick.samples })
      : fill(s['widget.dimensions-and-saddles.summarySamples']!, { matrices: counted(s, 'Matrix', samples) }),
  ];
  if (two && two.samples > 0)
    parts.push(
      fill(s['widget.dimensions-and-saddles.summaryTwo']!, {
        p: prob(two.fraction),
        lo: prob(two.lower),
        hi: prob(two.upper),
        exact: prob(two.exact!),
      }),
    );
  if (firstZero) parts.push(fill(s['widget.dimensions-and-saddles.summaryZero']!, { n: firstZero.n }));
  return sentences(parts);
}

/** A duration as a status line says it: "45 s", "3 min", "1.5 h" (「45 秒」「3 分鐘」). */
export function duration(s: Strings, ms: number): string {
  const { unit, value } = durationParts(ms);
  return fill(s[`widget.dimensions-and-saddles.time${unit === 's' ? 'Seconds' : unit === 'min' ? 'Minutes' : 'Hours'}`]!, {
    value: String(value),
  });
}
