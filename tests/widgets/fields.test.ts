// For every widget of the manifest and every field of its table: the props schema (build) and the URL parser (page)
// accept and reject exactly the same values, and defaults, steps and labels are consistent.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { WIDGETS, widgetNames } from '../../src/components/widgets/manifest.ts';
import { readUrl, stateFrom, type Field, type FieldTable } from '../../src/components/widgets/shared/fields.ts';
import en from '../../src/content/i18n/en.json' with { type: 'json' };
import zhTw from '../../src/content/i18n/zh-tw.json' with { type: 'json' };

const fieldModules = import.meta.glob<{ fields: FieldTable }>('../../src/components/widgets/*/fields.ts', { eager: true });
const propsModules = import.meta.glob<{ props: z.ZodType }>('../../src/components/widgets/*/props.ts', { eager: true });

/** Values on both sides of every edge of a field's range, plus the ones a reader could type or a link could carry. */
function probes(f: Field): unknown[] {
  if (f.kind === 'choice') return [...f.values, 'nonsense', '', 1];
  const span = f.max - f.min || 1;
  const tiny = span * 1e-6;
  const out = [f.min, f.max, f.default, f.min - tiny, f.max + tiny, f.min - span, f.max + span, (f.min + f.max) / 2, Number.NaN, Infinity];
  if (f.integer) out.push(f.min + 0.5, Math.floor((f.min + f.max) / 2) + 0.25);
  return out;
}

describe.each(WIDGETS.map((name) => ({ name })))('$name', ({ name }) => {
  const fields = fieldModules[`../../src/components/widgets/${name}/fields.ts`]?.fields;
  const props = propsModules[`../../src/components/widgets/${name}/props.ts`]?.props;

  it('has a field table and a props schema in its folder', () => {
    expect(fields, `${name}/fields.ts must export "fields"`).toBeDefined();
    expect(props, `${name}/props.ts must export "props"`).toBeDefined();
  });

  it('accepts in its props exactly the field values its URL parser keeps', () => {
    const defaults = stateFrom(fields!);
    for (const [field, f] of Object.entries(fields!)) {
      if (f.url === false) continue;
      const key = f.url ?? field;
      for (const value of probes(f)) {
        const byProps = props!.safeParse({ [field]: value }).success;
        const { adjusted } = readUrl(fields!, { [key]: String(value) }, defaults);
        expect(
          byProps,
          `${name}.${field} = ${String(value)}: props ${byProps ? 'accept' : 'reject'}, URL ${adjusted.length ? 'rejects' : 'accepts'}`,
        ).toBe(adjusted.length === 0);
      }
    }
  });

  it('labels every field in both languages', () => {
    const prefix = widgetNames(name).strings;
    for (const f of Object.values(fields!)) {
      for (const strings of [en, zhTw] as Record<string, string>[]) {
        expect(strings[prefix + f.label], `${prefix}${f.label}`).toBeTruthy();
        if (f.kind === 'number' && f.unit) expect(strings[prefix + f.unit], `${prefix}${f.unit}`).toBeTruthy();
      }
    }
  });

  it('builds its defaults from the table', () => {
    const parsed = props!.parse({}) as Record<string, unknown>;
    for (const [field, f] of Object.entries(fields!)) expect(parsed[field], field).toBe(f.default);
  });
});
