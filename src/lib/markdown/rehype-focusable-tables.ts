// Lecture tables are blocks that scroll sideways when they are wider than the text column (global.css). A region
// that scrolls must be reachable from the keyboard, or a reader without a mouse cannot see its last columns (WCAG
// 2.1.1; axe's scrollable-region-focusable). tabindex="0" on every table of a lecture makes each one a tab stop
// that the arrow keys then scroll.
import { visit } from 'unist-util-visit';
import type { Root } from 'hast';

export default function rehypeFocusableTables() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'table') node.properties = { ...node.properties, tabIndex: 0 };
    });
  };
}
