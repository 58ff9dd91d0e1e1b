// SurfaceExplorer's page state: θ′ and η to the URL and back, link values outside the surface's view, and the props
// accepting exactly the start points the page's own table accepts.
import { describe, expect, it } from 'vitest';
import { fields, pointFields } from '../../../src/components/widgets/surface-explorer/fields.ts';
import { props } from '../../../src/components/widgets/surface-explorer/props.ts';
import { defineFields, readUrl, stateFrom, writeUrl } from '../../../src/components/widgets/shared/fields.ts';
import { SURFACES } from '../../../src/lib/landscape/surfaces.ts';

const table = defineFields({ ...fields, ...pointFields(SURFACES['two-weight'].domain, [0, 0]) });
const defaults = stateFrom(table);

describe('SurfaceExplorer URL state', () => {
  it('writes nothing at the defaults and only what differs otherwise', () => {
    expect(writeUrl(table, defaults, defaults)).toBeNull();
    expect(writeUrl(table, { ...defaults, w1: 1 / Math.SQRT2 }, defaults)).toEqual({ w1: '0.707107' });
  });

  it('reads back what it wrote, to the six digits it keeps', () => {
    const state = { lr: 0.3, w1: -1.25, w2: 0.707107 };
    const { state: back, adjusted } = readUrl(table, writeUrl(table, state, defaults)!, defaults);
    expect(adjusted).toEqual([]);
    expect(back).toEqual(state);
  });

  it('clamps a link outside the view to its edge and says so, and keeps the current value for a non-number', () => {
    const { state, adjusted } = readUrl(table, { w1: '7', w2: 'abc', lr: '−1' }, defaults);
    expect(state).toEqual({ w1: 2, w2: 0, lr: 0.001 });
    expect(adjusted.map((a) => [a.field, a.change])).toEqual([
      ['lr', 'clamped'],
      ['w1', 'clamped'],
      ['w2', 'invalid'],
    ]);
  });

  it('uses the view of the surface shown: on the quartic valley, w₁ = 1.8 is outside it', () => {
    const quartic = pointFields(SURFACES['quartic-valley'].domain, [0, 0]);
    expect(readUrl(quartic, { w1: '1.8' }, stateFrom(quartic)).state.w1).toBe(1.5);
    expect(props.safeParse({ surface: 'quartic-valley', start: [1.8, 0] }).success).toBe(false);
    expect(props.safeParse({ surface: 'quartic-valley', start: [1.5, -1.5] }).success).toBe(true);
    expect(props.safeParse({ start: [1.8, 0] }).success).toBe(true);
  });
});
