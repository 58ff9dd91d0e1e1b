// Traditional (Taiwan) → Simplified (mainland) conversion, for text and for whole HTML pages: the course dictionary
// first, OpenCC for everything between its matches.
import OpenCC from 'opencc-js/t2cn';
import { ZH_CN_DICTIONARY, type DictionaryEntry } from './zh-cn-dictionary.ts';

/** OpenCC's `tw2sp`: Taiwan characters and phrases to mainland usage (軟體 → 软件, 記憶體 → 内存). */
const twToCn = OpenCC.Converter({ from: 'twp', to: 'cn' });

/** Taiwan quotes 「」『』 become the mainland's “” ‘’, which OpenCC leaves alone. */
const QUOTES: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’' };

/**
 * A converter that applies `dictionary` first, held in OpenCC's own trie, which finds the longest entry starting at
 * a position. The dictionary runs as a pass of its own rather than as one more dictionary inside OpenCC's chain
 * (opencc-js's ConverterBuilder allows that): inside the chain an entry competes with OpenCC's segmentation, where a
 * phrase that starts one character earlier wins, and with phrase tables that change between releases. As a pass of
 * its own, a match goes to the output exactly as the dictionary writes it, and OpenCC only sees the text between
 * matches, so it can neither rewrite a protected word (向量 → 矢量) nor read a phrase across its edge (曲|線上 → 曲在线).
 */
export function simplifier(dictionary: readonly DictionaryEntry[]): (text: string) => string {
  const trie = new OpenCC.Trie();
  for (const { tw, cn } of dictionary) trie.addWord(tw, cn);
  return (text) => {
    let out = '';
    let from = 0; // start of the stretch not yet converted
    for (let i = 0; i < text.length;) {
      const match = trie.matchPrefix(text, i);
      if (match) {
        if (i > from) out += twToCn(text.slice(from, i));
        out += match.value;
        i = from = match.end;
      } else {
        i += text.codePointAt(i)! > 0xffff ? 2 : 1;
      }
    }
    if (from < text.length) out += twToCn(text.slice(from));
    return out.replace(/[「」『』]/g, (q) => QUOTES[q]!);
  };
}

const withCourseDictionary = simplifier(ZH_CN_DICTIONARY);

/** Taiwan text to mainland Simplified Chinese, with the course dictionary (zh-cn-dictionary.ts). */
export function toSimplified(text: string): string {
  return withCourseDictionary(text);
}

/** Marks a stretch of HTML to be left as written, e.g. a language's own name in the language switch. */
export const KEEP_START = '<!--opencc:off-->';
export const KEEP_END = '<!--opencc:on-->';

/**
 * A link to a heading may arrive percent-encoded (`href="#%E9%87%8D…"`, as a Markdown link comes out of MDX)
 * while the heading's id is plain text. Converting only the id would break the link, so such fragments are decoded
 * first and then converted with the id. A fragment that does not decode, or that would need escaping in an
 * attribute, is left as it was.
 */
function readableFragments(html: string): string {
  return html.replace(/href="#([^"]*%[0-9A-Fa-f]{2}[^"]*)"/g, (link, fragment: string) => {
    try {
      const decoded = decodeURIComponent(fragment);
      return /["'<>&%\s]/.test(decoded) ? link : `href="#${decoded}"`;
    } catch {
      return link;
    }
  });
}

/**
 * Converts an HTML document's text to Simplified Chinese, leaving `KEEP_START … KEEP_END` stretches alone.
 * Tags and attributes are ASCII apart from text-bearing ones (alt, title, aria-label, content), so the whole
 * string can be converted: ids and the `#fragment` links to them change together and stay consistent.
 */
export function convertHtml(html: string): string {
  const convert = (stretch: string) => toSimplified(readableFragments(stretch));
  let out = '';
  let rest = html;
  for (;;) {
    const start = rest.indexOf(KEEP_START);
    if (start < 0) return out + convert(rest);
    const end = rest.indexOf(KEEP_END, start);
    if (end < 0) throw new Error(`convertHtml: ${KEEP_START} without a matching ${KEEP_END}`);
    out += convert(rest.slice(0, start)) + rest.slice(start, end + KEEP_END.length);
    rest = rest.slice(end + KEEP_END.length);
  }
}
