// One set of section ids for a lecture in every language: a translated page's headings take the ids of the English
// page's headings at the same positions, as MDN's translations do. A link to a section then works in every language,
// and the language switch keeps the reader's section by carrying the URL's #fragment over unchanged.

export interface HeadingLike {
  depth: number;
  slug: string;
}

/**
 * Old id → new id for `translated`'s headings, taken from `source` position by position. Undefined when the two
 * pages are not built alike (a different number of headings, or a different level at some position): a translation
 * that is behind its source keeps its own ids rather than pointing readers at the wrong section.
 */
export function alignedIds(source: readonly HeadingLike[], translated: readonly HeadingLike[]): Map<string, string> | undefined {
  if (source.length !== translated.length || source.some((h, i) => h.depth !== translated[i]!.depth)) return undefined;
  const map = new Map<string, string>();
  translated.forEach((h, i) => {
    if (h.slug !== source[i]!.slug) map.set(h.slug, source[i]!.slug);
  });
  return map;
}

/**
 * The page with each renamed id changed in its `id` attributes and in the `href="#…"` links to it, written plain or
 * percent-encoded (as MDX writes a Markdown link to a non-ASCII fragment).
 */
export function renameIds(html: string, renames: ReadonlyMap<string, string>): string {
  if (!renames.size) return html;
  const renamed = (id: string) => renames.get(id) ?? renames.get(safeDecode(id));
  return html.replace(/\s(id|href)="(#?)([^"]*)"/g, (attr, name: string, hash: string, value: string) => {
    if ((name === 'href') !== (hash === '#')) return attr;
    const to = renamed(value);
    return to === undefined ? attr : ` ${name}="${hash}${to}"`;
  });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
