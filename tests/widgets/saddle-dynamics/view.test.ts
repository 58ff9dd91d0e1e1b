// SaddleDynamics' words in every regime, in en and zh-tw from the real string files: the status, the readout and the
// table name the same outcome (escaped, step cap, never, diverges; converging, oscillating or diverging x₁).
import { describe, expect, it } from 'vitest';
import en from '../../../src/content/i18n/en.json' with { type: 'json' };
import zhTw from '../../../src/content/i18n/zh-tw.json' with { type: 'json' };
import { dynamicsScene, type DynamicsState } from '../../../src/lib/landscape/saddle-dynamics.ts';
import { readoutRows, sci, summary, sweepRows } from '../../../src/components/widgets/saddle-dynamics/view.ts';
import { fill } from '../../../src/components/widgets/shared/format.ts';

const BASE: DynamicsState = { lambda1: 1, lambda2: -0.5, lr: 0.1, beta: 0.9, sigma: 0, epsilon: 1e-3, seed: 1 };
const LOCALES = { en, 'zh-tw': zhTw } as Record<string, Record<string, string>>;

const unescape = (html: string) =>
  html.replace(/&(lt|gt|amp|quot|#39);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" })[e]!);

/** Everything the widget writes for a state, as text (tags stripped). */
function words(locale: string, over: Partial<DynamicsState>, cap = 5000) {
  const s = LOCALES[locale]!;
  const st = { ...BASE, ...over };
  const sc = dynamicsScene(st, [1e-8, 1e-1], cap, 5);
  const cells = (html: string, cls: string) => html.match(new RegExp(`<tr class="${cls}[ "][^>]*>.*?<td>(.*?)</td>`))?.[1] ?? '';
  const readout = readoutRows(s, st, sc);
  const say = (key: string, params: Record<string, string | number> = {}) => fill(s[`widget.saddle-dynamics.${key}`]!, params);
  return {
    sc,
    status: summary(s, st, sc),
    readout,
    row: (cls: string) => unescape(cells(readout, cls)),
    table: [...sweepRows(s, sc).matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1]!)),
    say,
  };
}

describe.each(['en', 'zh-tw'])('SaddleDynamics words (%s)', (locale) => {
  it('at the defaults: descent escapes in 142 steps, as the closed form says, in status and readout alike', () => {
    const w = words(locale, {});
    expect(w.status.kind).toBe('info');
    expect(w.status.text).toContain(w.say('sayGdEscaped', { eps: '10⁻³', steps: 142, closed: 142 }));
    expect(w.row('row-gd')).toBe(w.say('gdValue', { steps: 142, closed: 142 }));
    expect(w.row('row-stable')).toBe(w.say('stableConverges', { factor: '0.900', etaLambda: '0.100' }));
    const m = w.sc.momentumEscape;
    expect(m.kind).toBe('escaped');
    expect(w.status.text).toContain(
      w.say('sayMomEscaped', { beta: '0.90', steps: m.kind === 'escaped' ? m.steps : 0, closed: w.sc.momentumClosedForm }),
    );
  });

  it('at ε = 0: never leaves the saddle (no "never steps"), and noise moves it off with a mean over 8 runs', () => {
    const w = words(locale, { epsilon: 0 });
    expect(w.status.text).toContain(w.say('sayGdNever'));
    expect(w.status.text).toContain(w.say('sayAddNoise'));
    expect(w.row('row-gd')).toBe(w.say('countNever'));
    expect(w.row('row-flow')).toBe(w.say('countNever'));
    expect(w.status.text).not.toMatch(/never steps|永不 步|in never/);
    const n = words(locale, { epsilon: 0, sigma: 1e-3 });
    const mean = n.sc.noisyStats!.mean!.toFixed(1);
    expect(n.status.text).toContain(n.say('sayNoisyFromZero', { sigma: '10⁻³', mean, runs: 8 }));
    expect(n.row('row-noisy')).toBe(n.say('noisyAll', { mean, runs: 8, first: n.sc.noisy!.steps }));
  });

  it('at ε = 10⁻³⁰⁰: names the cap of 5000 steps and the closed form 14159, never "never"', () => {
    const w = words(locale, { epsilon: 1e-300 });
    expect(w.status.text).toContain(w.say('sayGdCapped', { eps: '10⁻³⁰⁰', cap: 5000, closed: 14159 }));
    expect(w.row('row-gd')).toBe(w.say('countCapped', { cap: 5000 }));
    expect(w.status.text).not.toContain(w.say('cellNever'));
  });

  it('on the edge ηλ₁ = 2: oscillates with constant amplitude, counts the escape (10 steps) everywhere, no error', () => {
    const w = words(locale, { lr: 2, beta: 0 });
    expect(w.sc.gdRegime).toBe('oscillates');
    expect(w.status.kind).toBe('info');
    expect(w.status.text).toContain(w.say('sayGdEscaped', { eps: '10⁻³', steps: 10, closed: 10 }));
    expect(w.status.text).toContain(w.say('sayGdEdge'));
    expect(w.status.text).not.toContain(w.say('sayGdDiverges', { etaLambda: '2.000', factor: '−1.000' }));
    expect(w.row('row-stable')).toBe(w.say('stableOscillates'));
    expect(w.row('row-gd')).toBe(w.say('gdValue', { steps: 10, closed: 10 }));
    for (const r of w.table) expect(r[1]).toBe(r[2]); // simulated = closed form in every row
  });

  it('beyond the edge (ηλ₁ = 2.5): diverges in status, readout and table; momentum β = 0.9 is still stable', () => {
    const w = words(locale, { lr: 2.5 });
    expect(w.status.kind).toBe('error');
    expect(w.status.text).toContain(w.say('sayGdDiverges', { etaLambda: '2.500', factor: '−1.500' }));
    expect(w.status.text).toContain(w.say('sayMomRange', { edge: '3.80' }));
    expect(w.status.text).toContain(w.say('sayLower'));
    expect(w.row('row-gd')).toBe(w.say('countDiverges'));
    expect(w.row('row-stable')).toBe(w.say('stableDiverges', { factor: '−1.500', growth: '1.500', etaLambda: '2.500' }));
    for (const r of w.table) expect(r[1]).toBe(w.say('cellDiverges'));
    expect(w.row('row-momentum')).not.toBe(w.say('countDiverges'));
  });

  it('gives heavy ball its own edge 2(1 + β): oscillating on it, diverging past it', () => {
    const on = words(locale, { lr: 3, beta: 0.5 });
    expect(on.sc.momentumRegime).toBe('oscillates');
    expect(on.status.text).toContain(on.say('sayMomEdge', { edge: '3.00' }));
    expect(on.row('row-momentum-stable')).toBe(on.say('momentumOscillates', { edge: '3.00' }));
    const past = words(locale, { lr: 3, beta: 0.5, lambda1: 1.1 });
    expect(past.status.text).toContain(past.say('sayMomDiverges', { beta: '0.50', etaLambda: '3.300', edge: '3.00' }));
    for (const r of past.table) expect(r[3]).toBe(past.say('cellDiverges'));
  });

  it('names runs that hit the cap with noise: how many of the 8 escaped, and the mean of those', () => {
    // σ = 10⁻⁸ from ε = 10⁻³⁰⁰ with a cap of 400 steps: the noise starts x₂ near 10⁻⁸, which needs ~380 steps.
    const w = words(locale, { epsilon: 0, sigma: 1e-8, beta: 0 }, 390);
    const n = w.sc.noisyStats!;
    expect(n.escaped).toBeGreaterThan(0);
    expect(n.escaped).toBeLessThan(8);
    const params = { sigma: '10⁻⁸', runs: 8, cap: 390, escaped: n.escaped, mean: n.mean!.toFixed(1) };
    expect(w.status.text).toContain(w.say('sayNoisySome', params));
    expect(w.row('row-noisy')).toBe(w.say('noisySome', params));
  });

  it('writes true minus signs and, in Chinese, no ASCII space between two Chinese characters', () => {
    for (const over of [{}, { epsilon: 0 }, { epsilon: 1e-300 }, { lr: 2 }, { lr: 2.5 }, { lr: 3, beta: 0.5 }, { sigma: 0.01 }]) {
      const w = words(locale, over);
      const all = `${w.status.text} ${w.readout} ${w.table.flat().join(' ')}`;
      expect(all).not.toMatch(/\{\w+\}|undefined|NaN/);
      expect(all).not.toMatch(/(^|[\s(（=×])-\d/);
      if (locale === 'zh-tw') expect(all).not.toMatch(/[\u4e00-\u9fff，。：；] +[\u4e00-\u9fff]/);
    }
  });
});

describe('sci', () => {
  it('writes ε as it is read: powers of ten with superscripts, a mantissa only when it is not 1', () => {
    expect(sci(0)).toBe('0');
    expect(sci(1e-3)).toBe('10⁻³');
    expect(sci(1e-300)).toBe('10⁻³⁰⁰');
    expect(sci(2.5e-4)).toBe('2.50 × 10⁻⁴');
    expect(sci(0.5)).toBe('5.00 × 10⁻¹');
    expect(sci(0.09999999)).toBe('10⁻¹');
  });
});
