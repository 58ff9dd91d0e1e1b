// LocalMinimumProbe's words and page logic in Vitest: kink points named, plural forms, Chinese without stray spaces,
// Hessians typeset as matrices, keys and drags on the fit, and the URL state from the field table.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import en from '../../../src/content/i18n/en.json' with { type: 'json' };
import zhTw from '../../../src/content/i18n/zh-tw.json' with { type: 'json' };
import { analyzeReluUnit } from '../../../src/lib/models/relu-unit.ts';
import { D1_BETTER_POINT, D1_LOCAL_MINIMUM, D1_POINTS } from '../../../src/lib/data/swirszcz-regression.ts';
import { makeText } from '../../../src/components/widgets/local-minimum-probe/text.ts';
import { readoutRows, verdictText } from '../../../src/components/widgets/local-minimum-probe/view.ts';
import {
  D1_GLOBAL_MIN,
  dragTheta,
  keyMove,
  probeBins,
  probeCsv,
  thetaOf,
  withTheta,
} from '../../../src/components/widgets/local-minimum-probe/model.ts';
import { fields } from '../../../src/components/widgets/local-minimum-probe/fields.ts';
import { readUrl, stateFrom, writeUrl } from '../../../src/components/widgets/shared/fields.ts';
import { probeFixture } from './probe-fixture.ts';

const PREFIX = 'widget.local-minimum-probe.';
const own = (strings: Record<string, string>) => Object.entries(strings).filter(([k]) => k.startsWith(PREFIX));
const enTx = makeText(en as Record<string, string>, 'en');
const zhTx = makeText(zhTw as Record<string, string>, 'zh-TW');
const probeAt = (theta: readonly number[]) => probeFixture(theta, 0.01, 200);

describe('kink points in the verdict', () => {
  it('names all five data points at w = b = 0, with their errors, in both languages', () => {
    const a = analyzeReluUnit([0, 0, 1, 0], D1_POINTS);
    const text = verdictText(enTx, a, null);
    expect(text).toContain('data points x = −1, 1, 3, 4, and 5 sit on');
    expect(text).toContain('−3.000, 3.000, 0.000, −1.000, and −2.000');
    expect(verdictText(zhTx, a, null)).toContain('x = −1、1、3、4和5');
  });

  it('names only x = 3 at the lecture’s (1, −3, 1, 0), in the singular', () => {
    const text = verdictText(enTx, analyzeReluUnit(D1_LOCAL_MINIMUM, D1_POINTS), null);
    expect(text).toContain('The data point x = 3 lies exactly on');
    expect(text).not.toMatch(/x = 5|points/);
  });

  it('names no kink point at the better point, and calls it global with D1’s least loss', () => {
    const a = analyzeReluUnit(D1_BETTER_POINT, D1_POINTS);
    const text = verdictText(enTx, a, probeAt(D1_BETTER_POINT));
    expect(text).not.toContain('kink');
    expect(D1_GLOBAL_MIN).toBe(14);
    expect(text).toContain('global minimum');
  });
});

describe('plural forms and Chinese wording', () => {
  it('says “1 step” and “2 steps”, and one Chinese form for both', () => {
    const p = { steps: 1, outcome: 'o', theta: 't', loss: 'l', lr: '0.1' };
    expect(enTx.count('descentDone', 1, p)).toContain('after 1 step (');
    expect(enTx.count('descentDone', 2, { ...p, steps: 2 })).toContain('after 2 steps (');
    expect(enTx.count('diverged', 1, p)).toContain('after 1 step.');
    expect(enTx.count('descentLabel', 1, p)).toContain('1 step at');
    expect(zhTx.count('descentDone', 1, p)).toBe(zhTx.count('descentDone', 1, { ...p }));
    expect(zhTx.count('diverged', 1, p)).toContain('1 步');
  });

  it('writes no “(s)” in English and no ASCII space between Chinese characters', () => {
    for (const [key, value] of own(en as Record<string, string>)) expect(value, key).not.toContain('(s)');
    for (const [key, value] of own(zhTw as Record<string, string>)) expect(value, key).not.toMatch(/[\u3400-\u9fff] +[\u3400-\u9fff]/);
  });

  it('counts the zero eigenvalues of H in the right number at a degenerate critical point', () => {
    const a = analyzeReluUnit(D1_BETTER_POINT, D1_POINTS);
    const zero = a.classification.zero;
    const text = verdictText(enTx, a, null);
    expect(text).toContain(zero === 1 ? 'has 1 zero eigenvalue —' : `has ${zero} zero eigenvalues`);
  });
});

describe('Hessian readout', () => {
  const cells = (html: string) => {
    const { document } = parseHTML(`<table><tbody>${html}</tbody></table>`);
    return document;
  };

  it('typesets H as a 4×4 matrix with its eigenvalues away from a kink', () => {
    const doc = cells(readoutRows(enTx, analyzeReluUnit(D1_BETTER_POINT, D1_POINTS), null));
    const m = doc.querySelectorAll('.row-eigen .widget-matrix');
    expect(m.length).toBe(1);
    expect(m[0]!.querySelectorAll('tr').length).toBe(4);
    expect([...m[0]!.querySelectorAll('tr')].every((r) => r.querySelectorAll('td').length === 4)).toBe(true);
    expect(doc.querySelector('.row-eigen-on')).toBeNull();
  });

  it('typesets both one-sided Hessians at a kink, each labelled with the kink points', () => {
    const a = analyzeReluUnit(D1_LOCAL_MINIMUM, D1_POINTS);
    const doc = cells(readoutRows(enTx, a, null));
    expect(doc.querySelectorAll('.widget-matrix').length).toBe(2);
    expect(doc.querySelector('.row-eigen th')!.textContent).toContain('off at x = 3');
    expect(doc.querySelector('.row-eigen-on th')!.textContent).toContain('on at x = 3');
    // The unit on at x = 3 adds J = (v·3, v, 0, 1) = (3, 1, 0, 1): H_on − H_off = 2JJᵀ (r = 0 there).
    const entry = (row: string, i: number, j: number) =>
      Number(doc.querySelectorAll(`.${row} .widget-matrix tr`)[i]!.querySelectorAll('td')[j]!.textContent);
    expect(entry('row-eigen-on', 0, 0) - entry('row-eigen', 0, 0)).toBeCloseTo(18, 9);
    expect(entry('row-eigen-on', 0, 1) - entry('row-eigen', 0, 1)).toBeCloseTo(6, 9);
  });
});

describe('page logic', () => {
  it('moves the kink by ← / → at fixed w and c by ↑ / ↓, on a 10⁻⁶ grid', () => {
    expect(keyMove([-7, -4, 1, 0], 'ArrowRight', 0.1)).toEqual([-7, -3.3, 1, 0]);
    expect(keyMove([0, 1, 1, 0], 'ArrowLeft', 0.5)).toEqual([0, 0.5, 1, 0]);
    expect(keyMove([1, -3, 1, 0], 'ArrowUp', 0.1)).toEqual([1, -3, 1, 0.1]);
    expect(keyMove([1, -3, 1, 0], 'Enter', 0.1)).toBeNull();
  });

  it('puts the hinge under a press: b = −w·x, c = y, to 0.01', () => {
    expect(dragTheta([1, -3, 1, 0], 5.004, 1.996)).toEqual([1, -5, 1, 2]);
    expect(dragTheta([0, 2, 1, 0], 5, 1)).toEqual([0, 2, 1, 1]);
  });

  it('reads θ from a link through the field table, clamping what is out of range', () => {
    const base = stateFrom(fields);
    const { state, adjusted } = readUrl(fields, { w: '-7', b: '-4', c: '99', seed: '2.5' }, base);
    expect(thetaOf(state)).toEqual([-7, -4, 1, 20]);
    expect(adjusted.map((a) => a.field).sort()).toEqual(['c', 'seed']);
    expect(writeUrl(fields, withTheta(base, D1_LOCAL_MINIMUM), base)).toBeNull();
    expect(writeUrl(fields, withTheta(base, [-7, -4, 1, 0]), base)).toEqual({ w: '-7', b: '-4' });
  });

  it('bins probe changes without mixing rises and falls, and writes one CSV row per probe', () => {
    const probe = probeAt([0.5, 0, 1, 0]);
    const bins = probeBins(probe.deltas);
    expect(bins.every((b) => b.x1 <= 0 || b.x0 >= 0)).toBe(true);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(200);
    expect(bins.filter((b) => b.negative).reduce((s, b) => s + b.count, 0)).toBe(probe.negative);
    const csv = probeCsv(probe).trim().split('\n');
    expect(csv[0]).toBe('probe,delta_L');
    expect(csv.length).toBe(201);
  });
});
