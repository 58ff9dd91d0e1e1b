// TaylorApproximation's page state: s and the angle to the URL and back within the widget's own ±radius, the
// key turn that wraps around, the status recomputed from the state, and the props agreeing with the live table.
import { describe, expect, it } from 'vitest';
import { liveFields, turn } from '../../../src/components/widgets/taylor-approximation/fields.ts';
import { props } from '../../../src/components/widgets/taylor-approximation/props.ts';
import { lineOf } from '../../../src/components/widgets/taylor-approximation/model.ts';
import { statusText } from '../../../src/components/widgets/taylor-approximation/view.ts';
import { accepts, readUrl, stateFrom, writeUrl } from '../../../src/components/widgets/shared/fields.ts';
import { taylorAt, usefulRadius } from '../../../src/lib/landscape/taylor.ts';
import en from '../../../src/content/i18n/en.json' with { type: 'json' };
import zhTw from '../../../src/content/i18n/zh-tw.json' with { type: 'json' };

const twoD = props.parse({ id: 'taylor-2d', mode: '2d', surface: 'two-weight', point: [0, 0], angle: 45, radius: 1.5, distance: 1 });
const table = liveFields(twoD);
const defaults = stateFrom(table);

describe('TaylorApproximation URL state', () => {
  it('starts from the props and writes nothing there', () => {
    expect(defaults).toEqual({ s: 1, angle: 45 });
    expect(writeUrl(table, defaults, defaults)).toBeNull();
  });

  it('reads back what it wrote', () => {
    const state = { s: -0.5, angle: 135 };
    expect(writeUrl(table, state, defaults)).toEqual({ s: '-0.5', angle: '135' });
    expect(readUrl(table, writeUrl(table, state, defaults)!, defaults)).toEqual({ state, adjusted: [] });
  });

  it('clamps s to the widget’s own radius and the angle to [0, 360], and says so', () => {
    const { state, adjusted } = readUrl(table, { s: '7', angle: '-20' }, defaults);
    expect(state).toEqual({ s: 1.5, angle: 0 });
    expect(adjusted.map((a) => a.change)).toEqual(['clamped', 'clamped']);
  });

  it('carries no angle in 1-D, and its s ranges over that widget’s radius', () => {
    const oneD = liveFields(props.parse({}));
    expect(Object.keys(oneD)).toEqual(['s']);
    expect(readUrl(oneD, { s: '1.2', angle: '90' }, stateFrom(oneD)).state).toEqual({ s: 1 });
  });

  it('accepts in the props exactly the distances the live table accepts, for the radius given', () => {
    for (const radius of [0.5, 1.5, 4])
      for (const distance of [-radius - 0.01, -radius, 0, radius, radius + 0.01]) {
        const live = liveFields({ mode: '1d', radius, distance: 0, angle: 45 });
        expect(props.safeParse({ radius, distance }).success, `radius ${radius}, distance ${distance}`).toBe(accepts(live.s, distance));
      }
  });

  it('turns the angle by keys around the circle: 360° + 1° is 1°, 0° − 15° is 345°', () => {
    expect(turn(360, 1)).toBe(1);
    expect(turn(0, -15)).toBe(345);
    expect(turn(44, 1)).toBe(45);
  });
});

describe('TaylorApproximation status', () => {
  const at = (angle: number, s: number) => {
    const { line } = lineOf(twoD, angle);
    return [taylorAt(line, s), usefulRadius(line, twoD.radius, twoD.tolerance)] as const;
  };

  it('describes the state it is given, with a notice first only when there is one', () => {
    const [v, r] = at(90, 1);
    // Along w₂ through the origin the loss is constant 1: the quadratic is exact, so useful at s = 1.
    // On screen the line names the direction; the verdict has its own place under the legend, and a screen reader
    // hears the two together.
    expect(statusText(en, { angle: 90 }, v, r)).toEqual({
      shown: 'Direction d at 90° from the w₁ axis.',
      spoken: 'Direction d at 90° from the w₁ axis. At s = 1.00 the second-order approximation is within 0.050 of the true loss.',
    });
    const noticed = statusText(en, { angle: 90 }, v, r, 'Direction d (degrees) must be between 0 and 360; using 360.');
    expect(noticed.shown).toBe('Direction d (degrees) must be between 0 and 360; using 360. Direction d at 90° from the w₁ axis.');
    expect(noticed.spoken).toMatch(/^Direction d \(degrees\) must.*At s = 1\.00 /);
    expect(statusText(zhTw, { angle: 90 }, v, r)).toEqual({
      shown: '方向 d 與 w₁ 軸的夾角為 90°。',
      spoken: '方向 d 與 w₁ 軸的夾角為 90°。在 s = 1.00，二階近似與真正損失的差距在 0.050 以內。',
    });
  });

  it('says when s is outside the useful range, with no direction in 1-D', () => {
    const p = props.parse({});
    const { line } = lineOf(p, p.angle);
    const text = statusText(en, {}, taylorAt(line, 0.5), usefulRadius(line, p.radius, p.tolerance));
    expect(text).toEqual({
      shown: '',
      spoken: 'At s = 0.50 the second-order approximation is off by more than 0.050: this is outside the range where it is useful.',
    });
  });
});
