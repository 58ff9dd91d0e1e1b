// Pure text helpers of the search dialog: message templates, the queries tried for what a reader typed, excerpts.

/** Fills `{name}` in a message template taken from the dialog's data attributes. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Han characters (Traditional and Simplified) and the other CJK scripts a query might use. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export const isCjk = (s: string): boolean => CJK.test(s);

/**
 * The Pagefind queries to try, in order, for what the reader typed. Chinese is written without spaces, so a word
 * such as 鞍點 reaches Pagefind as the characters 鞍 and 點, which match every page containing both anywhere; the
 * query as a phrase finds the word itself. The plain query follows, for a phrase that occurs nowhere as typed.
 * A query the reader quoted is already a phrase and is left alone.
 */
export function searchTerms(typed: string): string[] {
  const q = typed.trim().replace(/\s+/g, ' ');
  if (q === '') return [];
  if (!isCjk(q) || q.includes('"')) return [q];
  return [`"${q}"`, q];
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/**
 * Splits a Pagefind excerpt (HTML-escaped text with `<mark>` around matches) into plain and marked text.
 * Nothing else in it is treated as markup, so an excerpt can never inject an element.
 */
export function excerptParts(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let at = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    push(decode(html.slice(at, m.index)), false);
    push(decode(m[1]!), true);
    at = m.index + m[0].length;
  }
  push(decode(html.slice(at)), false);
  return parts;
}

/**
 * Pagefind ranks a phrase match by where it occurs, not by whether the page is about it; a reader searching
 * 鞍點 expects the lecture titled with it first. Pages whose title contains the query move to the front, in order.
 */
export function titleFirst<T extends { meta: { title?: string } }>(pages: T[], typed: string): T[] {
  const q = typed.trim().replace(/^"|"$/g, '').toLowerCase();
  if (q === '') return pages;
  const inTitle = (p: T) => (p.meta.title ?? '').toLowerCase().includes(q);
  return [...pages.filter(inTitle), ...pages.filter((p) => !inTitle(p))];
}
