import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Root, RootContent } from 'hast';
import rehypeSections from '../../../src/lib/markdown/rehype-sections.ts';

const run = (tree: Root) => {
  rehypeSections()(tree);
  return tree;
};

describe('rehype-sections', () => {
  it('puts the text before the first h2 and each h2 with what follows it into its own section, in order', () => {
    const tree = run(
      fromHtml('<p>intro</p>\n<h2 id="a">A</h2><p>a1</p><h3>sub</h3><p>a2</p><h2 id="b">B</h2><p>b</p>', { fragment: true }),
    );
    expect(toHtml(tree)).toBe(
      '<section class="lecture-section"><p>intro</p>\n</section>' +
        '<section class="lecture-section"><h2 id="a">A</h2><p>a1</p><h3>sub</h3><p>a2</p></section>' +
        '<section class="lecture-section"><h2 id="b">B</h2><p>b</p></section>',
    );
  });

  it('opens no empty section for a lecture that starts with a heading, and leaves MDX imports at the top', () => {
    const esm = { type: 'mdxjsEsm', value: "import X from './x'" } as unknown as RootContent;
    const tree = fromHtml('\n<h2>A</h2><p>a</p>', { fragment: true });
    tree.children.unshift(esm);
    run(tree);
    expect(tree.children[0]).toBe(esm);
    expect(tree.children.slice(1).map((n) => (n.type === 'element' ? n.tagName : n.type))).toEqual(['section']);
    expect(toHtml(tree.children[1]!)).toBe('<section class="lecture-section"><h2>A</h2><p>a</p></section>');
  });
});
