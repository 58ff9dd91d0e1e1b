// The URL of the search dialog's bundled script, set at build time by the search integration (src/lib/build/search.ts).
declare const __SADDLE_SEARCH_MODULE__: string | undefined;

export const SEARCH_MODULE: string = typeof __SADDLE_SEARCH_MODULE__ === 'string' ? __SADDLE_SEARCH_MODULE__ : '';
