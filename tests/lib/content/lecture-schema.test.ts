import { describe, expect, it } from 'vitest';
import { lectureSchema } from '../../../src/lib/content/lecture-schema.ts';
import { checkLectureFrontmatter } from '../../../src/lib/content/frontmatter-check.ts';

const valid = {
  title: 'Taylor expansion and the Hessian',
  description: 'The second-order picture of the loss near a point.',
  order: 2,
  updated: '2026-11-23',
  references: [{ id: 'nocedal2006', authors: 'J. Nocedal, S. J. Wright', year: 2006, title: 'Numerical Optimization', venue: 'Springer' }],
};

describe('lectureSchema', () => {
  it('accepts a complete lecture and fills the defaults', () => {
    const data = lectureSchema.parse(valid);
    expect(data.draft).toBe(false);
    expect(data.updated).toEqual(new Date('2026-11-23'));
  });

  it('rejects a missing title, an unknown field and a wrong type', () => {
    const { title: _, ...noTitle } = valid;
    expect(lectureSchema.safeParse(noTitle).success).toBe(false);
    expect(lectureSchema.safeParse({ ...valid, colour: 'red' }).success).toBe(false);
    expect(lectureSchema.safeParse({ ...valid, order: 'two' }).success).toBe(false);
    expect(lectureSchema.safeParse({ ...valid, order: 1.5 }).success).toBe(false);
  });

  it('rejects two references with the same id', () => {
    const r = valid.references[0]!;
    const result = lectureSchema.safeParse({ ...valid, references: [r, r] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain('duplicate reference id');
  });
});

describe('checkLectureFrontmatter', () => {
  const file = 'src/content/lectures/en/x.mdx';

  it('passes a valid file', () => {
    const src = '---\ntitle: T\ndescription: A summary that is long enough.\norder: 1\nupdated: 2026-11-23\n---\n\nText.\n';
    expect(checkLectureFrontmatter(file, src)).toEqual([]);
  });

  it('reports each problem on the line where it is, with a fix', () => {
    const src = '---\ndescription: A summary that is long enough.\norder: two\nupdated: 2026-11-23\ncolour: red\n---\n';
    const problems = checkLectureFrontmatter(file, src);
    expect(problems).toContainEqual(expect.objectContaining({ line: 1, message: expect.stringContaining('missing field "title"') }));
    expect(problems).toContainEqual(expect.objectContaining({ line: 3, message: expect.stringContaining('"order" must be a number') }));
    expect(problems).toContainEqual(expect.objectContaining({ line: 5, message: expect.stringContaining('unknown field "colour"') }));
  });

  it('points into nested reference entries', () => {
    const src =
      '---\ntitle: T\ndescription: A summary that is long enough.\norder: 1\nupdated: 2026-11-23\nreferences:\n  - id: a\n    authors: X\n    year: 1999\n    title: T\n    venue: V\n    url: not a url\n---\n';
    expect(checkLectureFrontmatter(file, src)).toEqual([
      expect.objectContaining({ line: 12, message: expect.stringContaining('references.0.url') }),
    ]);
  });

  it('reports a file with no frontmatter and one with broken YAML', () => {
    expect(checkLectureFrontmatter(file, 'Just text.\n')[0]!.message).toContain('no frontmatter');
    expect(checkLectureFrontmatter(file, '---\ntitle: [\n---\n')[0]).toMatchObject({
      line: 2,
      message: expect.stringContaining('not valid YAML'),
    });
  });
});
