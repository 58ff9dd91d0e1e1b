// The search dialog's behaviour, loaded only when a reader opens search (the page's inline script imports it).
// It asks Pagefind's index for the page's own locale and lists pages with the sections that matched.
import { excerptParts, fill, searchTerms, titleFirst } from './text.ts';

/** What Pagefind's `pagefind.js` offers (the subset used here). */
interface Pagefind {
  options(o: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: { id: string; data(): Promise<ResultData> }[] }>;
}
interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface ResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results: SubResult[];
}

const MAX_PAGES = 8;
const MAX_SECTIONS = 3;
const DEBOUNCE_MS = 150;

/** The site's root: this module is served from `<base>_astro/`, Pagefind's bundle from `<base>pagefind/`. */
const BASE = new URL('../', import.meta.url);

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = new URL('pagefind/pagefind.js', BASE).href;
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pf.options({ baseUrl: BASE.pathname, excerptLength: 24 });
    await pf.init();
    return pf;
  })();
  return pagefind;
}

/**
 * Chinese has no spaces, so Pagefind splits a query such as 鞍點 into 鞍 and 點 and finds every page with both
 * characters anywhere. Searched as a phrase it finds the word. A query with nothing as a phrase falls back to words.
 */
async function find(pf: Pagefind, query: string) {
  for (const term of searchTerms(query)) {
    const found = await pf.search(term);
    if (found.results.length > 0) return found.results;
  }
  return [];
}

function wire(dialog: HTMLDialogElement) {
  const form = dialog.querySelector('form')!;
  const input = dialog.querySelector<HTMLInputElement>('input[type="search"]')!;
  const status = dialog.querySelector<HTMLElement>('[data-search-status]')!;
  const list = dialog.querySelector<HTMLOListElement>('[data-search-results]')!;
  const s = dialog.dataset;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const say = (text: string) => {
    status.textContent = text;
  };

  async function run(query: string) {
    const mine = ++generation;
    if (query.trim() === '') {
      list.replaceChildren();
      say(s.hint ?? '');
      return;
    }
    say(s.searching ?? '');
    try {
      const pf = await loadPagefind();
      const hits = (await find(pf, query)).slice(0, MAX_PAGES);
      const pages = titleFirst(await Promise.all(hits.map((h) => h.data())), query);
      if (mine !== generation) return; // a newer query is on its way
      list.replaceChildren(...pages.map(resultItem));
      const key = pages.length === 0 ? 'none' : pages.length === 1 ? 'one' : 'many';
      say(fill(s[key] ?? '', { count: pages.length, query: query.trim() }));
    } catch (e) {
      if (mine !== generation) return;
      list.replaceChildren();
      say(fill(s.error ?? '', { message: e instanceof Error ? e.message : String(e) }));
      pagefind = undefined; // the next keystroke tries again
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), DEBOUNCE_MS);
  });
  // Enter opens the first result, as readers expect of a search box.
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    list.querySelector<HTMLAnchorElement>('a')?.click();
  });
  // Esc closes the dialog and keeps the query for next time (in a search field the browser would clear it first).
  // ↑ and ↓ move between the input and the result links.
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      dialog.close();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const stops = [input, ...list.querySelectorAll<HTMLElement>('a')];
    const at = stops.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    e.preventDefault();
    const next = Math.min(stops.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)));
    stops[next]!.focus();
  });
  // A click on the backdrop (outside the panel) closes the dialog.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  // Following a link to a section of this same page must also close the dialog.
  list.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('a')) dialog.close();
  });
  dialog.dataset.ready = '';
  if (input.value) void run(input.value);
  else say(s.hint ?? '');
}

/** Pagefind's excerpt is escaped text with <mark> around the matches; only those marks become elements. */
function excerptNodes(html: string): Node[] {
  return excerptParts(html).map((part) => {
    if (!part.mark) return document.createTextNode(part.text);
    const m = document.createElement('mark');
    m.textContent = part.text;
    return m;
  });
}

function resultItem(page: ResultData): HTMLLIElement {
  const li = document.createElement('li');
  const title = document.createElement('a');
  title.className = 'search-page';
  title.href = page.url;
  title.textContent = page.meta.title ?? page.url;
  const excerpt = document.createElement('p');
  excerpt.append(...excerptNodes(page.excerpt));
  li.append(title, excerpt);
  // Sections: Pagefind lists the headings under which the query occurs; the page's own top is not a section.
  const sections = page.sub_results.filter((r) => r.url.includes('#')).slice(0, MAX_SECTIONS);
  if (sections.length > 0) {
    const ul = document.createElement('ul');
    for (const r of sections) {
      const item = document.createElement('li');
      const a = document.createElement('a');
      a.href = r.url;
      a.textContent = r.title;
      const p = document.createElement('p');
      p.append(...excerptNodes(r.excerpt));
      item.append(a, p);
      ul.append(item);
    }
    li.append(ul);
  }
  return li;
}

const dialog = document.getElementById('site-search');
if (dialog instanceof HTMLDialogElement && !('ready' in dialog.dataset)) wire(dialog);
