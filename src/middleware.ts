// Serves /zh-cn/ pages as the zh-tw page converted to Simplified Chinese (at build time for static pages).
import { defineMiddleware } from 'astro:middleware';
import { convertHtml } from './lib/i18n/convert.ts';
import { sitePath } from './lib/i18n/paths.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!context.url.pathname.startsWith(sitePath('zh-cn/'))) return response;
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  const html = convertHtml(await response.text());
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
