// The widgets of the site, one name each. The name is the folder; it also gives the component, the custom element,
// the UI-string prefix and the default id (widgetNames). The loader, the props registry and the browser tests read
// this list; adding a widget is a folder under src/components/widgets/ plus one line here.
export const WIDGETS = [
  'surface-explorer',
  'taylor-approximation',
  'saddle-dynamics',
  'dimensions-and-saddles',
  'local-minimum-probe',
  'hessian-spectrum',
  'xor-jellyfish',
  'teacher-student',
  'deep-linear',
  'minimum-ratio',
] as const;

export type WidgetName = (typeof WIDGETS)[number];

export interface WidgetNames {
  /** Folder under src/components/widgets/, and the loader's key: `saddle-dynamics`. */
  name: WidgetName;
  /** The Astro component lectures use: `SaddleDynamics` (in `<name>/SaddleDynamics.astro`). */
  component: string;
  /** The custom element: `saddle-saddle-dynamics`. */
  tag: string;
  /** Prefix of its UI strings: `widget.saddle-dynamics.`. */
  strings: string;
  /** Default id (the URL prefix of its state, the figure's element id): `saddle-dynamics`. */
  id: string;
}

const pascal = (name: string) => name.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase());

export function widgetNames(name: WidgetName): WidgetNames {
  return { name, component: pascal(name), tag: `saddle-${name}`, strings: `widget.${name}.`, id: name };
}

export const isWidgetName = (s: string): s is WidgetName => (WIDGETS as readonly string[]).includes(s);
