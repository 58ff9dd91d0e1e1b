// Every widget on the course pages: the lecture it is embedded in, its element, its download file name, and (for
// widgets that compute in the worker on start) the attribute that says the first result is in.
export const WIDGETS: { lecture: string; element: string; file: string; settled?: string }[] = [
  { lecture: 'taylor-hessian', element: 'saddle-surface-explorer', file: 'saddle-surface-two-weight' },
  { lecture: 'taylor-hessian', element: '#widget-taylor saddle-taylor-approximation', file: 'saddle-taylor-double-well' },
  { lecture: 'saddle-dynamics', element: 'saddle-dynamics', file: 'saddle-dynamics' },
  { lecture: 'saddle-or-minimum', element: 'saddle-dimensions', file: 'saddle-dims' },
  { lecture: 'saddle-or-minimum', element: 'saddle-hessian-spectrum', file: 'saddle-spectrum' },
  { lecture: 'deep-local-minima', element: 'saddle-local-minimum-probe', file: 'saddle-probe', settled: '[data-probe=done]' },
];
