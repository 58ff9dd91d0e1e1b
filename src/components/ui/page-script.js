// The one script every page runs, inline in <head> before first paint (text pages load no script file).
// It applies the remembered theme, remembers the page's language, wires the theme toggle, and opens search:
// the search dialog's code is imported only when a reader opens it (the button, or "/" outside a text field;
// "/" inside the open dialog's field is just typed, since an open dialog is not opened again).
// On the root language chooser it sends a reader who chose a language before straight to that course home.
// Minified at build time by PageScript.astro, which sets __SEARCH__ and __CHOOSER__ (the code a page does not need
// is dropped); the Content-Security-Policy allows the result by its hash.
/* global __SEARCH__, __CHOOSER__ */
(() => {
  const d = document.documentElement;
  const KEY = 'saddle-theme';
  // Reads (one argument) or writes (two) localStorage; storage may be refused (private mode), then nothing is kept.
  const store = (n, v) => {
    try {
      return v ? localStorage.setItem(n, v) : localStorage.getItem(n);
    } catch {
      return null;
    }
  };
  const saved = store(KEY);
  if (saved === 'light' || saved === 'dark') d.dataset.theme = saved;
  if (d.dataset.locale) store('saddle-locale', d.dataset.locale);
  if (__CHOOSER__ && !/[?&]choose\b/.test(location.search)) {
    const l = store('saddle-locale');
    // Relative, so that a site served under a sub-path goes to its own <base>en/, not the host's /en/.
    if (l === 'en' || l === 'zh-tw' || l === 'zh-cn') location.replace(l + '/');
  }
  d.dataset.js = '';
  const dark = () => (d.dataset.theme || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')) === 'dark';
  const sync = () => document.querySelectorAll('[data-theme-toggle]').forEach((b) => b.setAttribute('aria-pressed', '' + dark()));
  const search = () => {
    const g = document.getElementById('site-search');
    if (!g || g.open) return;
    g.showModal();
    import(g.dataset.module).catch(() => {
      g.querySelector('[role=status]').textContent = g.dataset.failed;
    });
  };
  addEventListener('DOMContentLoaded', sync);
  addEventListener('click', (e) => {
    const t = e.target;
    if (__SEARCH__ && t.closest?.('[data-search-open]')) return search();
    if (!t.closest?.('[data-theme-toggle]')) return;
    store(KEY, (d.dataset.theme = dark() ? 'light' : 'dark'));
    sync();
  });
  if (__SEARCH__) {
    addEventListener('keydown', (e) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.target.closest?.('input,textarea')) return;
      e.preventDefault();
      search();
    });
  }
})();
