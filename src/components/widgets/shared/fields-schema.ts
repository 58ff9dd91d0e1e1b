// A widget's field table as zod props (build time only): the same acceptance rule, with messages that name the field.
import { z } from 'zod';
import { accepts, type Field, type FieldTable, type StateOf } from './fields.ts';

/** What a field must be, in the words a build error shows. */
export function requirement(name: string, f: Field): string {
  if (f.kind === 'choice') return `${name} must be one of ${f.values.map((v) => `"${v}"`).join(', ')}`;
  return `${name} must be ${f.integer ? 'a whole number' : 'a number'} from ${f.min} to ${f.max}`;
}

function fieldSchema(name: string, f: Field) {
  const message = requirement(name, f);
  const base: z.ZodType = f.kind === 'choice' ? z.string({ error: message }) : z.number({ error: message });
  return base.refine((v: unknown) => accepts(f, v), message).default(f.default as never);
}

/** The zod shape of a table: one optional prop per field, defaulting to the table's default. */
export function fieldsShape<F extends FieldTable>(fields: F): { [K in keyof F]: z.ZodType<StateOf<F>[K], StateOf<F>[K] | undefined> } {
  return Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, fieldSchema(name, f)])) as never;
}
