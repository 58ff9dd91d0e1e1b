// Keeps the punctuation that follows inline math on the formula's line: `$x$,` or `$x$，` never leaves the comma at
// the start of the next line. The formula and the punctuation go into one `span.math-nobr` (white-space: nowrap in
// lecture.css) while the formula's own inside keeps normal wrapping, so a long formula still breaks where KaTeX lets
// it. That alone is not enough in Chromium, which decides whether a line may break after an inline-block (each of
// KaTeX's `.katex-base` pieces is one) by the white-space of the inline-block's parent: so the formula's last piece
// also goes into a `span.math-nobr-tail` of its own, which does not wrap, closed by a word joiner.
import type { Element, Root, RootContent, Text } from 'hast';

/** Punctuation that must not begin a line: Latin closers and stops, and the CJK ones (full-width and corner quotes). */
export const CLOSING_PUNCTUATION = /^[,.;:!?)\]}%…’”»，。、；：！？）」』〉》】〕”’…—]+/u;

function isInlineMath(node: RootContent | undefined): node is Element {
  if (node?.type !== 'element' || node.tagName !== 'span') return false;
  const c = node.properties?.className;
  return Array.isArray(c) ? c.includes('katex') : c === 'katex';
}

type Parent = { children: RootContent[] };

const hasClass = (node: RootContent, name: string): node is Element => {
  if (node.type !== 'element') return false;
  const c = node.properties?.className;
  return Array.isArray(c) ? c.includes(name) : c === name;
};

/** Wraps the last `.katex-base` of the formula's visible part in a span that does not wrap after it. */
function holdTail(katexNode: Element): void {
  const html = katexNode.children.find((c) => hasClass(c, 'katex-html'));
  if (!html || html.type !== 'element') return;
  const at = html.children.findLastIndex((c) => hasClass(c, 'katex-base'));
  if (at < 0) return;
  // The word joiner (U+2060, invisible) ends the tail with a character, so that the break after it is one between two
  // characters inside the nowrap group, which Chromium then refuses too (without it a full-width ； could still wrap).
  html.children[at] = {
    type: 'element',
    tagName: 'span',
    properties: { className: ['math-nobr-tail'] },
    children: [html.children[at]!, { type: 'text', value: '\u2060' }],
  };
}

function visitParents(node: Parent): void {
  const kids = node.children;
  for (let i = 0; i < kids.length; i++) {
    const child = kids[i]!;
    const next = kids[i + 1];
    if (isInlineMath(child) && next?.type === 'text') {
      const punct = (next as Text).value.match(CLOSING_PUNCTUATION)?.[0];
      if (punct) {
        const rest = (next as Text).value.slice(punct.length);
        const group: Element = {
          type: 'element',
          tagName: 'span',
          properties: { className: ['math-nobr'] },
          children: [child, { type: 'text', value: punct }],
        };
        holdTail(child);
        kids.splice(i, 2, group, ...(rest ? [{ type: 'text', value: rest } as Text] : []));
        continue;
      }
    }
    // Display math (span.katex-display) and the formula's own tree hold nothing to join.
    if ('children' in child && !isInlineMath(child)) visitParents(child as Parent);
  }
}

export default function rehypeMathPunctuation() {
  return (tree: Root) => visitParents(tree as Parent);
}
