// Every widget's props schema by component name: the MDX compile-time check and the docs read it.
import type { z } from 'zod';
import { surfaceExplorerProps } from './SurfaceExplorer.props.ts';
import { taylorApproximationProps } from './TaylorApproximation.props.ts';
import { saddleDynamicsProps } from './SaddleDynamics.props.ts';
import { dimensionsAndSaddlesProps } from './DimensionsAndSaddles.props.ts';
import { localMinimumProbeProps } from './LocalMinimumProbe.props.ts';
import { hessianSpectrumProps } from './HessianSpectrum.props.ts';

export const WIDGET_PROPS: Record<string, z.ZodType> = {
  SurfaceExplorer: surfaceExplorerProps,
  TaylorApproximation: taylorApproximationProps,
  SaddleDynamics: saddleDynamicsProps,
  DimensionsAndSaddles: dimensionsAndSaddlesProps,
  LocalMinimumProbe: localMinimumProbeProps,
  HessianSpectrum: hessianSpectrumProps,
};
