// remark plugin: validates the props of widget components in MDX against their zod schemas at compile time,
// so a bad prop fails the build with the file, the line and what to write instead.
import { visit } from 'unist-util-visit';
import type { z } from 'zod';
import type { Root } from 'mdast';

interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?:
    null | string | { type: 'mdxJsxAttributeValueExpression'; value: string; data?: { estree?: { body: { expression?: unknown }[] } } };
}
interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  position?: { start: { line: number; column: number } };
}

export class WidgetPropsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WidgetPropsError';
  }
}

const UNKNOWN = Symbol('not a literal');

/** Evaluates an ESTree expression made only of literals (numbers, strings, booleans, null, arrays, objects, unary −). */
export function literalValue(node: unknown): unknown {
  const n = node as { type: string; [k: string]: unknown };
  switch (n?.type) {
    case 'Literal':
      return n.value;
    case 'UnaryExpression': {
      const v = literalValue(n.argument);
      if (typeof v !== 'number') return UNKNOWN;
      return n.operator === '-' ? -v : n.operator === '+' ? v : UNKNOWN;
    }
    case 'ArrayExpression': {
      const items = (n.elements as unknown[]).map(literalValue);
      return items.includes(UNKNOWN) ? UNKNOWN : items;
    }
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const p of n.properties as {
        type: string;
        key: { type: string; name?: string; value?: unknown };
        value: unknown;
        computed?: boolean;
      }[]) {
        if (p.type !== 'Property' || p.computed) return UNKNOWN;
        const key = p.key.type === 'Identifier' ? p.key.name : p.key.value;
        const v = literalValue(p.value);
        if (v === UNKNOWN) return UNKNOWN;
        out[String(key)] = v;
      }
      return out;
    }
    default:
      return UNKNOWN;
  }
}

/** The props written on an element, or undefined when some prop is not a literal (checked at render time instead). */
function propsOf(el: JsxElement): Record<string, unknown> | undefined {
  const props: Record<string, unknown> = {};
  for (const a of el.attributes) {
    if (a.type !== 'mdxJsxAttribute' || !a.name) return undefined;
    if (a.value === null || a.value === undefined) props[a.name] = true;
    else if (typeof a.value === 'string') props[a.name] = a.value;
    else {
      const expr = a.value.data?.estree?.body[0]?.expression;
      const v = literalValue(expr);
      if (v === UNKNOWN) return undefined;
      props[a.name] = v;
    }
  }
  return props;
}

export interface WidgetPropsOptions {
  /** Component name → props schema. */
  widgets: Record<string, z.ZodType>;
}

/** `SurfaceExplorer` → `surface-explorer`: a component's widget folder (manifest.ts). */
const kebab = (name: string) => name.replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase());

export default function remarkWidgetProps({ widgets }: WidgetPropsOptions) {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const path = file.path ?? file.history?.[0] ?? '<unknown>';
    visit(tree as never, (node: unknown) => {
      const el = node as JsxElement;
      if ((el.type !== 'mdxJsxFlowElement' && el.type !== 'mdxJsxTextElement') || !el.name || !(el.name in widgets)) return;
      const props = propsOf(el);
      if (!props) return;
      const result = widgets[el.name]!.safeParse(props);
      if (result.success) return;
      const where = el.position ? `${path}:${el.position.start.line}:${el.position.start.column}` : path;
      const problems = result.error.issues.map((i) => {
        const field = i.path.map(String).join('.') || '(props)';
        const known =
          i.code === 'unrecognized_keys'
            ? ` (unknown prop${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')}: remove or correct the spelling)`
            : '';
        return `  ${field}: ${i.message}${known}`;
      });
      throw new WidgetPropsError(
        `${where}: <${el.name}> has invalid props:\n${problems.join('\n')}\nFix the props in the MDX file; the accepted props and their ranges are in src/components/widgets/${kebab(el.name)}/props.ts.`,
      );
    });
  };
}
