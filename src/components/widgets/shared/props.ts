// Schema pieces shared by every widget's props, and the render-time check that names the component.
import { z } from 'zod';
import { ConfigError, issuesOf } from '../../../lib/config/parse.ts';

export const widgetId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'id must be lower-case letters, digits and hyphens, starting with a letter');

/** Validates props when a widget renders (the remark check covers literal props in MDX; this covers the rest). */
export function parseWidgetProps<S extends z.ZodType>(name: string, schema: S, props: unknown): z.output<S> {
  const result = schema.safeParse(props);
  if (!result.success)
    throw new ConfigError(
      `props of <${name}> (see src/components/widgets/${name.replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase())}/props.ts)`,
      issuesOf(result.error),
    );
  return result.data;
}
