// The frontmatter every lecture must have; unknown fields are errors so a typo never passes silently.
import { z } from 'zod';

export const referenceSchema = z.strictObject({
  /** Anchor for in-text links: `[Dauphin et al. 2014](#ref-dauphin2014)`. */
  id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and hyphens, e.g. "dauphin2014"'),
  authors: z.string().min(1),
  year: z.number().int().min(1800).max(2100),
  title: z.string().min(1),
  venue: z.string().min(1),
  url: z.url().optional(),
});

export const lectureSchema = z
  .strictObject({
    title: z.string().trim().min(1, 'give the lecture a title'),
    /** One or two sentences: the course home and `<meta name="description">` show it. */
    description: z.string().trim().min(20, 'write a one- or two-sentence summary (at least 20 characters)').max(320),
    /** Position in the course, 1-based; the same in every locale. */
    order: z.number().int().positive(),
    updated: z.coerce.date(),
    draft: z.boolean().default(false),
    references: z.array(referenceSchema).default([]),
  })
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.references.forEach((ref, i) => {
      if (seen.has(ref.id)) ctx.addIssue({ code: 'custom', path: ['references', i, 'id'], message: `duplicate reference id "${ref.id}"` });
      seen.add(ref.id);
    });
  });

export type Reference = z.infer<typeof referenceSchema>;
