// The square parameter-plane map the 2-D widgets share: equal axes over [lo, hi]², a viridis loss colouring, their marks on top.
import * as Plot from '@observablehq/plot';
import { plot } from './chart-theme.ts';

export interface SquareMapInput {
  document: Document;
  domain: readonly [number, number];
  size: number;
  /** Axis names, e.g. ['w₁', 'w₂']. */
  labels: readonly [string, string];
  color: 'linear' | 'symlog';
  marks: Plot.Markish[];
}

export function squareMap({ document, domain, size, labels, color, marks }: SquareMapInput): SVGSVGElement {
  const axis = (label: string) => ({ domain: [domain[0], domain[1]], label, labelAnchor: 'center' as const, labelArrow: 'none' as const });
  return plot({
    document,
    width: size,
    height: size,
    marginLeft: 44,
    marginBottom: 40,
    x: axis(labels[0]),
    y: axis(labels[1]),
    color: { type: color, scheme: 'viridis' },
    style: { background: 'transparent', fontSize: '12px' },
    marks,
  }) as unknown as SVGSVGElement;
}
