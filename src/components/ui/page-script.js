// The one script every page runs, inline in <head> before first paint (text pages load no script file).
// It applies the remembered theme, remembers the page's language, wires the theme toggle, and opens search:
// the search dialog's code is imported only when a reader opens it (the button, or "/" outside a text field;
// "/" inside the open dialog's field is just typed, since an open dialog is not opened again).
// A language link, when followed, keeps the reader's place: the widget state in the query and the section in the
// #fragment (a lecture's section ids are the same in every language: src/lib/content/section-ids.ts).
// On the root language chooser it sends a reader who chose a language before straight to that course home.
// Minified at build time by PageScript.astro, which sets __SEARCH__ and __CHOOSER__ (the code a page does not need
// is dropped); the Content-Security-Policy allows the result by its hash. The budget for all of it is 1 KB.
/* global __SEARCH__, __CHOOSER__ */
(() => {
  const d = document;
  const data = d.documentElement.dataset;
  const loc = location;
  const KEY = 'saddle-theme';
  // Reads (one argument) or writes (two) localStorage; storage may be refused (private mode), then nothing is kept.
  const store = (n, v) => {
    try {
      const s = localStorage;
      return v ? s.setItem(n, v) : s.getItem(n);
    } catch {
      /* nothing kept */
    }
  };
  const saved = store(KEY);
  if (/^(light|dark)$/.test(saved)) data.theme = saved;
  const here = data.locale;
  if (here) store('saddle-locale', here);
  if (__CHOOSER__ && !/[?&]choose\b/.test(loc.search)) {
    const l = store('saddle-locale');
    // Relative, so that a site served under a sub-path goes to its own <base>en/, not the host's /en/.
    if (/^(en|zh-tw|zh-cn)$/.test(l)) loc.replace(l + '/');
  }
  data.js = '';
  const dark = () => (data.theme ? data.theme == 'dark' : matchMedia('(prefers-color-scheme:dark)').matches);
  // One toggle per page, in the header.
  const sync = () => d.querySelector('[data-theme-toggle]')?.setAttribute('aria-pressed', dark());
  const search = () => {
    const g = d.getElementById('site-search');
    if (!g || g.open) return;
    g.showModal();
    import(g.dataset.module).catch(() => (g.querySelector('[role=status]').textContent = g.dataset.failed));
  };
  addEventListener('DOMContentLoaded', sync);
  addEventListener('click', (e) => {
    const t = e.target;
    const link = here && t.closest('[data-locale-link]');
    if (link) link.href = link.pathname + loc.search + loc.hash;
    if (__SEARCH__ && t.closest('[data-search-open]')) return search();
    if (!t.closest('[data-theme-toggle]')) return;
    store(KEY, (data.theme = dark() ? 'light' : 'dark'));
    sync();
  });
  if (__SEARCH__) {
    addEventListener('keydown', (e) => {
      if (e.key != '/' || e.ctrlKey || e.metaKey || e.target.closest('input,textarea')) return;
      e.preventDefault();
      search();
    });
  }
})();
