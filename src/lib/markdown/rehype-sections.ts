// A lecture's body as one <section class="lecture-section"> per h2 (and one for the text before the first h2): the
// unit a stylesheet can treat as a whole (lecture.css says why `content-visibility: auto` on them is not in use yet).
// The sections carry no role or name, so they add no landmarks.
import type { Element, Root, RootContent } from 'hast';

/** Nodes that must stay at the top of an MDX module (its imports and exports). */
const isModuleCode = (n: RootContent) => (n as { type: string }).type === 'mdxjsEsm';
const isH2 = (n: RootContent) => n.type === 'element' && n.tagName === 'h2';
const isBlank = (n: RootContent) => n.type === 'text' && n.value.trim() === '';

export default function rehypeSections() {
  return (tree: Root) => {
    const out: RootContent[] = [];
    let current: Element | undefined;
    for (const node of tree.children) {
      if (isModuleCode(node)) {
        out.push(node);
        continue;
      }
      if (isH2(node) || !current) {
        if (!isH2(node) && isBlank(node)) continue;
        current = { type: 'element', tagName: 'section', properties: { className: ['lecture-section'] }, children: [] };
        out.push(current);
      }
      current.children.push(node as Element);
    }
    tree.children = out;
  };
}
