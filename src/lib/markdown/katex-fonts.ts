// Which of KaTeX's font files a page's typeset math draws with, read off the classes KaTeX put on it, so that the
// page can ask for exactly those fonts at the start of its load (rel="preload") instead of when layout first meets
// them. KaTeX's fonts are font-display: block, so every font that arrives late makes the browser lay the math out
// again; on the math-heavy lectures those relayouts were a third of the main thread's style-and-layout time.
// The class → font table follows katex.css (0.19): a class there that sets font-family or a style of one.

/** One file of KaTeX's fonts, by the name its woff2 has in katex/dist/fonts (KaTeX_<name>.woff2). */
export type KatexFont =
  | 'Main-Regular'
  | 'Main-Bold'
  | 'Main-Italic'
  | 'Main-BoldItalic'
  | 'Math-Italic'
  | 'Math-BoldItalic'
  | 'AMS-Regular'
  | 'Caligraphic-Regular'
  | 'Fraktur-Regular'
  | 'SansSerif-Regular'
  | 'Script-Regular'
  | 'Typewriter-Regular'
  | 'Size1-Regular'
  | 'Size2-Regular'
  | 'Size3-Regular'
  | 'Size4-Regular';

/** A font, and the classes (all of them KaTeX's own names) that must all be on one element for it to draw with it. */
const RULES: { font: KatexFont; all: string[] }[] = [
  { font: 'Main-Regular', all: ['katex'] },
  { font: 'Math-Italic', all: ['mathnormal'] },
  { font: 'Math-BoldItalic', all: ['boldsymbol'] },
  { font: 'Main-Italic', all: ['mathit'] },
  { font: 'Main-Italic', all: ['textit'] },
  { font: 'Main-Bold', all: ['mathbf'] },
  { font: 'Main-Bold', all: ['textbf'] },
  { font: 'AMS-Regular', all: ['amsrm'] },
  { font: 'AMS-Regular', all: ['mathbb'] },
  { font: 'AMS-Regular', all: ['textbb'] },
  { font: 'Caligraphic-Regular', all: ['mathcal'] },
  { font: 'Fraktur-Regular', all: ['mathfrak'] },
  { font: 'Fraktur-Regular', all: ['textfrak'] },
  { font: 'SansSerif-Regular', all: ['mathsf'] },
  { font: 'SansSerif-Regular', all: ['textsf'] },
  { font: 'Script-Regular', all: ['mathscr'] },
  { font: 'Script-Regular', all: ['textscr'] },
  { font: 'Typewriter-Regular', all: ['mathtt'] },
  { font: 'Typewriter-Regular', all: ['texttt'] },
  { font: 'Size1-Regular', all: ['delimsizing', 'size1'] },
  { font: 'Size2-Regular', all: ['delimsizing', 'size2'] },
  { font: 'Size3-Regular', all: ['delimsizing', 'size3'] },
  { font: 'Size4-Regular', all: ['delimsizing', 'size4'] },
  { font: 'Size1-Regular', all: ['delim-size1'] },
  { font: 'Size4-Regular', all: ['delim-size4'] },
  { font: 'Size1-Regular', all: ['op-symbol', 'small-op'] },
  { font: 'Size2-Regular', all: ['op-symbol', 'large-op'] },
];

/** Bold and italic together pick the bold italic file of the same family. */
function combined(classes: Set<string>, font: KatexFont): KatexFont {
  if (font === 'Main-Bold' && (classes.has('mathit') || classes.has('textit'))) return 'Main-BoldItalic';
  if (font === 'Main-Italic' && (classes.has('mathbf') || classes.has('textbf'))) return 'Main-BoldItalic';
  return font;
}

/**
 * The KaTeX fonts the math in `html` uses, in a fixed order (the table's). Reads the class attributes of the page's
 * HTML; an element whose classes match a rule of katex.css draws with that rule's font. A page without math needs
 * none.
 */
export function katexFontsOf(html: string): KatexFont[] {
  if (!/class="katex[ "]/.test(html)) return [];
  const used = new Set<KatexFont>();
  for (const m of html.matchAll(/class="([^"]*)"/g)) {
    const classes = new Set(m[1]!.split(/\s+/));
    for (const rule of RULES) if (rule.all.every((c) => classes.has(c))) used.add(combined(classes, rule.font));
  }
  const order = [...new Set(RULES.map((r) => r.font)), 'Main-BoldItalic' as const];
  return order.filter((f) => used.has(f));
}

/** The `<link rel="preload">` tags for those fonts, given where the build put each file (a data: URL is skipped). */
export function fontPreloads(fonts: KatexFont[], urlOf: (font: KatexFont) => string | undefined): string {
  return fonts
    .map((f) => urlOf(f))
    .filter((url): url is string => !!url && !url.startsWith('data:'))
    .map((url) => `<link rel="preload" href="${url}" as="font" type="font/woff2" crossorigin>`)
    .join('');
}
