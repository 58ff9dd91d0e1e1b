// Loads each widget's interactive code only when the widget comes within a screen or so of the viewport.
const modules: Record<string, () => Promise<unknown>> = {
  'surface-explorer': () => import('./surface-explorer.client.ts'),
  'taylor-approximation': () => import('./taylor-approximation.client.ts'),
  'saddle-dynamics': () => import('./saddle-dynamics.client.ts'),
  'dimensions-and-saddles': () => import('./dimensions-and-saddles.client.ts'),
  'local-minimum-probe': () => import('./local-minimum-probe.client.ts'),
  'hessian-spectrum': () => import('./hessian-spectrum.client.ts'),
};

const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      const name = (entry.target as HTMLElement).dataset.saddleWidget ?? '';
      void modules[name]?.();
    }
  },
  { rootMargin: '800px 0px' },
);
document.querySelectorAll<HTMLElement>('[data-saddle-widget]').forEach((el) => observer.observe(el));
