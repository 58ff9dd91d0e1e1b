// Where the build puts each of KaTeX's woff2 fonts: the same hashed files katex.min.css points at (Vite names an
// asset by its content), or a data: URL for the ones small enough to be inlined into the CSS.
import type { KatexFont } from '../../lib/markdown/katex-fonts.ts';
import MainRegular from 'katex/dist/fonts/KaTeX_Main-Regular.woff2?url';
import MainBold from 'katex/dist/fonts/KaTeX_Main-Bold.woff2?url';
import MainItalic from 'katex/dist/fonts/KaTeX_Main-Italic.woff2?url';
import MainBoldItalic from 'katex/dist/fonts/KaTeX_Main-BoldItalic.woff2?url';
import MathItalic from 'katex/dist/fonts/KaTeX_Math-Italic.woff2?url';
import MathBoldItalic from 'katex/dist/fonts/KaTeX_Math-BoldItalic.woff2?url';
import AmsRegular from 'katex/dist/fonts/KaTeX_AMS-Regular.woff2?url';
import CaligraphicRegular from 'katex/dist/fonts/KaTeX_Caligraphic-Regular.woff2?url';
import FrakturRegular from 'katex/dist/fonts/KaTeX_Fraktur-Regular.woff2?url';
import SansSerifRegular from 'katex/dist/fonts/KaTeX_SansSerif-Regular.woff2?url';
import ScriptRegular from 'katex/dist/fonts/KaTeX_Script-Regular.woff2?url';
import TypewriterRegular from 'katex/dist/fonts/KaTeX_Typewriter-Regular.woff2?url';
import Size1Regular from 'katex/dist/fonts/KaTeX_Size1-Regular.woff2?url';
import Size2Regular from 'katex/dist/fonts/KaTeX_Size2-Regular.woff2?url';
import Size3Regular from 'katex/dist/fonts/KaTeX_Size3-Regular.woff2?url';
import Size4Regular from 'katex/dist/fonts/KaTeX_Size4-Regular.woff2?url';

export const KATEX_FONT_URLS: Record<KatexFont, string> = {
  'Main-Regular': MainRegular,
  'Main-Bold': MainBold,
  'Main-Italic': MainItalic,
  'Main-BoldItalic': MainBoldItalic,
  'Math-Italic': MathItalic,
  'Math-BoldItalic': MathBoldItalic,
  'AMS-Regular': AmsRegular,
  'Caligraphic-Regular': CaligraphicRegular,
  'Fraktur-Regular': FrakturRegular,
  'SansSerif-Regular': SansSerifRegular,
  'Script-Regular': ScriptRegular,
  'Typewriter-Regular': TypewriterRegular,
  'Size1-Regular': Size1Regular,
  'Size2-Regular': Size2Regular,
  'Size3-Regular': Size3Regular,
  'Size4-Regular': Size4Regular,
};
