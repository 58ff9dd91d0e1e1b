// Every widget's props schema by component name, from the manifest: the MDX compile-time check and the docs read it.
import type { z } from 'zod';
import { WIDGETS, widgetNames } from './manifest.ts';

const propsModules = import.meta.glob<{ props: z.ZodType }>('./*/props.ts', { eager: true });

export const WIDGET_PROPS: Record<string, z.ZodType> = Object.fromEntries(
  WIDGETS.map((name) => {
    const mod = propsModules[`./${name}/props.ts`];
    if (!mod?.props) throw new Error(`widget "${name}" is in manifest.ts but src/components/widgets/${name}/props.ts exports no "props"`);
    return [widgetNames(name).component, mod.props];
  }),
);
