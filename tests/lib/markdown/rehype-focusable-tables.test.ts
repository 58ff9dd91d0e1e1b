import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import rehypeFocusableTables from '../../../src/lib/markdown/rehype-focusable-tables.ts';

describe('rehype-focusable-tables', () => {
  it('makes every table a tab stop, keeps its other properties, and leaves other elements alone', () => {
    const tree = fromHtml('<p>x</p><table><tr><td>1</td></tr></table><div><table class="t"><tr><td>2</td></tr></table></div>', {
      fragment: true,
    });
    rehypeFocusableTables()(tree);
    const seen: Element[] = [];
    visit(tree, 'element', (node) => void seen.push(node));
    const tables = seen.filter((n) => n.tagName === 'table');
    expect(tables.map((t) => t.properties.tabIndex)).toEqual([0, 0]);
    expect(tables[1]!.properties.className).toEqual(['t']);
    expect(seen.filter((n) => n.tagName !== 'table' && n.properties.tabIndex !== undefined)).toEqual([]);
  });
});
