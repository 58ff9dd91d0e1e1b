// Saddle's build: static pages, MDX lectures, math typeset by KaTeX at build time, sitemap with locale alternates.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatexStrict from './src/lib/markdown/rehype-katex-strict.ts';
import rehypeFocusableTables from './src/lib/markdown/rehype-focusable-tables.ts';
import rehypeSections from './src/lib/markdown/rehype-sections.ts';
import rehypeMathPunctuation from './src/lib/markdown/rehype-math-punctuation.ts';
import remarkWidgetProps from './src/lib/markdown/remark-widget-props.ts';
import { WIDGET_PROPS } from './src/components/widgets/registry.ts';
import saddleChecks from './src/lib/build/saddle-checks.ts';
import tfjsWasm from './src/lib/build/tfjs-wasm.ts';
import search from './src/lib/build/search.ts';
import chunkGraph from './src/lib/build/chunk-graph.ts';
import csp from './src/lib/build/csp.ts';

// The public address the site is served from: canonical URLs, hreflang alternates and the sitemap use it.
const site = process.env.SITE_URL ?? 'https://saddle.example.org';
// The path the site is served under: '/' at a host's root, or a sub-path such as '/course/' (SADDLE_BASE=/course/).
const base = process.env.SADDLE_BASE ?? '/';

export default defineConfig({
  site,
  base,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath, [remarkWidgetProps, { widgets: WIDGET_PROPS }]],
      rehypePlugins: [rehypeKatexStrict, rehypeMathPunctuation, rehypeFocusableTables, rehypeSections],
    }),
  },
  integrations: [
    saddleChecks(),
    tfjsWasm(),
    search(),
    chunkGraph(),
    // Last: it hashes each page's inline scripts as written to dist/.
    csp(),
    mdx(),
    sitemap({
      i18n: { defaultLocale: 'en', locales: { en: 'en', 'zh-tw': 'zh-TW', 'zh-cn': 'zh-CN' } },
      // The plugin counts the root (the language chooser) as an English page, since English is the default locale
      // and has no prefix; it is the page for every other language, as the pages' own hreflang links say.
      serialize: (item) => {
        const root = new URL(base, site).href;
        return { ...item, links: item.links?.map((l) => (l.url === root ? { ...l, lang: 'x-default' } : l)) };
      },
    }),
  ],
  devToolbar: { enabled: false },
  // Build-time experiments import tfjs: bundle its ES modules (its CommonJS build registers no gradients,
  // and Node cannot load the ES build directly because its imports have no file extensions).
  // Astro 7 prerenders static pages in its own Vite environment, so it needs the setting as well.
  // Widgets start the experiment worker with `new Worker(new URL(…), { type: 'module' })`; it imports the wasm
  // backend on demand, so it is bundled as an ES module worker (the default iife format cannot split code).
  vite: {
    // The base path for the site's own URL helpers (src/lib/i18n/paths.ts), in page, prerender and worker code alike.
    define: { __SADDLE_BASE__: JSON.stringify(base) },
    worker: { format: 'es' },
    ssr: { noExternal: [/^@tensorflow\//] },
    environments: {
      prerender: { resolve: { noExternal: [/^@tensorflow\//] } },
      // A widget's lazy chunk is named after its folder (`saddle-dynamics.client.<hash>.js`), not `client.<hash>.js`,
      // so the network panel and the size report say which widget loaded.
      client: {
        build: {
          rolldownOptions: {
            output: {
              chunkFileNames: (chunk) => {
                const folder = chunk.facadeModuleId?.match(/components\/widgets\/([a-z0-9-]+)\/client\.ts$/)?.[1];
                return folder ? `_astro/${folder}.client.[hash].js` : `_astro/${chunk.name}.[hash].js`;
              },
            },
          },
        },
      },
    },
  },
});
