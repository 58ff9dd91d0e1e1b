// Loads each widget's interactive code only when the widget comes within a screen or so of the viewport.
import { isWidgetName } from './manifest.ts';

// One lazy chunk per widget folder; only names in the manifest are loaded.
const clients = import.meta.glob('./*/client.ts');

const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      const name = (entry.target as HTMLElement).dataset.saddleWidget ?? '';
      if (isWidgetName(name)) void clients[`./${name}/client.ts`]?.();
    }
  },
  { rootMargin: '800px 0px' },
);
document.querySelectorAll<HTMLElement>('[data-saddle-widget]').forEach((el) => observer.observe(el));
