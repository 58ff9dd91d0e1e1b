// Finishes each page's HTML: a translated lecture's section ids become the English ones (section-ids.ts, set by the
// lecture page in locals), /zh-cn/ pages are the zh-tw page converted to Simplified Chinese (at build time for
// static pages), and a lecture asks for the KaTeX fonts its math uses as soon as its head is read (katex-fonts.ts).
import { defineMiddleware } from 'astro:middleware';
import { convertHtml } from './lib/i18n/convert.ts';
import { sitePath } from './lib/i18n/paths.ts';
import { renameIds } from './lib/content/section-ids.ts';
import { fontPreloads, katexFontsOf } from './lib/markdown/katex-fonts.ts';
import { KATEX_FONT_URLS } from './components/layouts/katex-font-urls.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const zhCn = context.url.pathname.startsWith(sitePath('zh-cn/'));
  if (!zhCn && !context.url.pathname.includes('/lectures/')) return response;
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  let html = await response.text();
  // Read after the body: the page sets the renames while it renders.
  const renames = context.locals.sectionIdRenames;
  if (renames) html = renameIds(html, renames);
  if (zhCn) html = convertHtml(html);
  const preloads = fontPreloads(katexFontsOf(html), (font) => KATEX_FONT_URLS[font]);
  // First in the head (the build puts the Content-Security-Policy ahead of them, after <meta charset>), so that the
  // fonts are on their way before the stylesheets that name them have arrived.
  if (preloads)
    html = /<meta charset="[^"]*"\s*\/?>/i.test(html)
      ? html.replace(/<meta charset="[^"]*"\s*\/?>/i, (m) => m + preloads)
      : html.replace('</head>', `${preloads}</head>`);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
