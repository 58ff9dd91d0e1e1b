// Finishes each page's HTML: a translated lecture's section ids become the English ones (section-ids.ts, set by the
// lecture page in locals), and /zh-cn/ pages are the zh-tw page converted to Simplified Chinese (at build time for
// static pages).
import { defineMiddleware } from 'astro:middleware';
import { convertHtml } from './lib/i18n/convert.ts';
import { sitePath } from './lib/i18n/paths.ts';
import { renameIds } from './lib/content/section-ids.ts';

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
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
