// Numbers quoted in lectures 4 and 5 recomputed from the experiments that produced them, in both locales.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { AUTHORED_LOCALES } from '../../src/lib/i18n/locales.ts';
import { runExperiment } from '../../src/lib/experiments/index.ts';
import type { MlpSpectrumResult } from '../../src/lib/experiments/mlp-spectrum.ts';
import type { ReluRegressionResult } from '../../src/lib/experiments/relu-regression-minima.ts';
import type { TeacherStudentSummary } from '../../src/lib/experiments/teacher-student-summary.ts';
import { populationLoss } from '../../src/lib/models/teacher-student.ts';
import { orthonormalRows } from '../../src/lib/data/teacher.ts';
import type { MrSummary } from '../../src/lib/experiments/minimum-ratio-schema.ts';

const body = (locale: string, slug: string) =>
  readFileSync(new URL(`../../src/content/lectures/${locale}/${slug}.mdx`, import.meta.url), 'utf8');
/** A number as the page rounds it: the same significant digits as the text shows. */
const sameAsShown = (shown: string, value: number) => {
  const digits = shown.replace(/^-?0?\.?0*/, '').replace('.', '').length;
  return Number(value.toPrecision(Math.max(1, digits)));
};

describe('"Saddle point or local minimum?": the spectrum table of the trained sinc network', { timeout: 120_000 }, () => {
  const row = /^\| (\d+) \| \$([-\d.]+)\$ \| \$([-\d.]+)\$ \| \$([-\d.]+)\$ \| \$([-\d.]+)\$ \| (\d+)\/(\d+)\/(\d+) \| \$([\d.]+)\$ \|$/gm;
  const tables = AUTHORED_LOCALES.map((l) => [...body(l, 'saddle-or-minimum').matchAll(row)].map((m) => m.slice(1)));

  it('is the same table in every locale', () => {
    expect(tables[0]!.length).toBe(4);
    for (const t of tables) expect(t).toEqual(tables[0]);
  });

  it('matches mlp-spectrum run with seed 1 and the stated step counts', async () => {
    for (const [steps, loss, grad, lmin, lmax, pos, neg, zero, ratio] of tables[0]!) {
      const r = (await runExperiment({ id: 'mlp-spectrum', config: { steps: Number(steps) }, seed: 1 })) as MlpSpectrumResult;
      expect(r.parameters).toBe(31);
      expect(Number(loss)).toBe(sameAsShown(loss!, r.loss));
      expect(Number(grad)).toBe(sameAsShown(grad!, r.gradNorm));
      expect(Number(lmin)).toBe(sameAsShown(lmin!, r.lambdaMin));
      expect(Number(lmax)).toBe(sameAsShown(lmax!, r.lambdaMax));
      expect([Number(pos), Number(neg), Number(zero)]).toEqual([
        r.classification.positive,
        r.classification.negative,
        r.classification.zero,
      ]);
      expect(Number(ratio)).toBeCloseTo(r.classification.positive / r.parameters, 2);
    }
  });
});

describe('"Do deep networks have local minima?": where gradient descent ends on D1', { timeout: 120_000 }, () => {
  it('quotes the counts relu-regression-minima gives with seed 1 and its defaults', async () => {
    const r = (await runExperiment({ id: 'relu-regression-minima', seed: 1 })) as ReluRegressionResult;
    const counts = [...r.descent.clusters]
      .sort((a, b) => a.loss - b.loss)
      .map((c) => ({ loss: Number(c.loss.toFixed(2)), count: c.count }));
    expect(counts.reduce((a, c) => a + c.count, 0)).toBe(256);
    const en = body('en', 'deep-local-minima').match(
      /It ends at loss 14 in (\d+) runs, at 18 in (\d+) runs, at \$21\.2\$ in (\d+) runs and at about \$21\.17\$ in (\d+)/,
    )!;
    const zh = body('zh-tw', 'deep-local-minima').match(
      /結果有 (\d+) 次停在損失 14、(\d+) 次停在 18、(\d+) 次停在 \$21\.2\$、(\d+) 次停在約 \$21\.17\$/,
    )!;
    expect(en.slice(1)).toEqual(zh.slice(1));
    const quoted = [14, 18, 21.2, 21.17].map((loss, i) => ({ loss, count: Number(en[i + 1]) }));
    expect(counts.map((c) => c.count).sort()).toEqual(quoted.map((q) => q.count).sort());
    for (const q of quoted) expect(counts.find((c) => Math.abs(c.loss - q.loss) < 0.006)?.count).toBe(q.count);
  });
});

describe('"Saddle point or local minimum?": the GOE table', { timeout: 120_000 }, () => {
  const row = /^\| (\d) \| \$([\d.]+)\$ \| (\d+) \| \$([^$]+)\$ \|$/gm;
  const tables = AUTHORED_LOCALES.map((l) => [...body(l, 'saddle-or-minimum').matchAll(row)].map((m) => m.slice(1)));

  it('gives the counts goe-definite draws with seed 0 and 10⁶ matrices per n, the same in every locale', async () => {
    expect(tables[0]!.length).toBe(6);
    for (const t of tables) expect(t).toEqual(tables[0]);
    const r = (await runExperiment({ id: 'goe-definite', config: { maxN: 6, samples: 1_000_000 }, seed: 0 })) as {
      rows: { n: number; samples: number; positiveDefinite: number }[];
    };
    for (const [n, coin, count, fraction] of tables[0]!) {
      const computed = r.rows.find((x) => x.n === Number(n))!;
      expect(computed.samples).toBe(1_000_000);
      expect(Number(count)).toBe(computed.positiveDefinite);
      expect(Number(coin)).toBeCloseTo(2 ** -Number(n), 2);
      // "0.0248" or "1.5 \\times 10^{-4}": the computed fraction rounded to the digits shown.
      const [mantissa, exponent = '0'] = fraction!.split(/\s*\\times 10\^\{|\}/);
      const shown = Number(mantissa) * 10 ** Number(exponent);
      const digits = mantissa!.replace(/^0\.0*|\./g, '').length;
      expect(shown).toBeCloseTo(Number((computed.positiveDefinite / computed.samples).toPrecision(digits)), 12);
    }
    // n = 1 and n = 2 against the exact probabilities 1/2 and (2 − √2)/4, within 4 binomial standard deviations.
    for (const [n, exact] of [
      [1, 0.5],
      [2, (2 - Math.SQRT2) / 4],
    ] as const) {
      const count = r.rows.find((x) => x.n === n)!.positiveDefinite;
      expect(Math.abs(count - exact * 1e6)).toBeLessThan(4 * Math.sqrt(1e6 * exact * (1 - exact)));
    }
  });
});

describe('"Do deep networks have local minima?": the teacher–student numbers', () => {
  const file = JSON.parse(readFileSync(new URL('../../src/content/results/teacher-student.json', import.meta.url), 'utf8')) as {
    summary: TeacherStudentSummary;
  };
  const cell = (k: number, n: number) => file.summary.cells.find((c) => c.k === k && c.n === n)!;

  it('F(0) for k = 6 is the closed form ½(k/2 + k(k − 1)/(2π)) ≈ 3.89, from the exact loss', () => {
    const k = 6;
    const loss = populationLoss(new Float64Array(k * k), k, orthonormalRows(k, k), k, k);
    expect(loss).toBeCloseTo(0.5 * (k / 2 + (k * (k - 1)) / (2 * Math.PI)), 12);
    for (const l of AUTHORED_LOCALES) expect(body(l, 'deep-local-minima')).toContain(`$${loss.toFixed(2)}$`);
  });

  it('quotes the committed file: about 7% at k = 7, two in three at k = 13, 95% at k = 20, the extra-neuron count, none at n = k + 2', () => {
    expect(Math.round(cell(7, 7).percent!)).toBe(7);
    expect(Math.abs(cell(13, 13).percent! - 100 * (2 / 3))).toBeLessThan(1);
    expect(Math.round(cell(20, 20).percent!)).toBe(95);
    expect(file.summary.cells.filter((c) => c.n === c.k + 2).every((c) => c.runs === 250 && c.certified === 0)).toBe(true);
    const { global, tried } = file.summary.extraNeuron;
    expect(body('en', 'deep-local-minima')).toContain(`${global} of ${tried}`);
    expect(body('zh-tw', 'deep-local-minima')).toContain(`${tried} 個中的 ${global} 個`);
    for (const l of AUTHORED_LOCALES) expect(body(l, 'deep-local-minima')).toMatch(/250/);
  });
});

describe('"Saddle point or local minimum?": the minimum-ratio numbers', () => {
  const file = JSON.parse(readFileSync(new URL('../../src/content/results/minimum-ratio.json', import.meta.url), 'utf8')) as {
    summary: MrSummary;
  };
  const m = file.summary;
  const two = (x: number | null) => `$${x!.toFixed(2)}$`;

  it('quotes the committed file in every locale: the ratios counted both ways, the homework rule, the certificate', () => {
    expect(m.setting).toMatchObject({ hidden: 128, parameters: 385, samples: 100 });
    expect(m.networks).toBe(100);
    const tauAt = (t: number) => m.setting.tauGrid.indexOf(t);
    // 385 parameters and 100 points: at least 385 − 100 zero eigenvalues at a critical point.
    expect(m.setting.parameters - m.setting.samples).toBe(285);
    for (const l of AUTHORED_LOCALES) {
      const text = body(l, 'saddle-or-minimum');
      for (const x of [
        m.ratioZero.min,
        m.ratioZero.max,
        m.ratioZero.median,
        m.ratioByTau[tauAt(1e-12)]!,
        m.negativeByTau[0]!,
        m.negativeByTau[tauAt(1e-12)]!,
      ])
        expect(text).toContain(two(x));
      expect(m.ratioByTau[tauAt(1e-10)]).toBe(m.ratioByTau[tauAt(1e-12)]);
      expect(text).toContain(`$${Number(m.ratio.median!.toPrecision(2))}$`);
      expect(text).toContain('$285$');
      for (const n of [m.belowHwGrad, m.hwLikeZero, m.noNegative]) expect(text).toMatch(new RegExp(`\\b${n}\\b`));
    }
    expect(m.hwLike).toBe(0);
    expect(m.allPositive).toBe(0);
    expect(m.certified).toBe(100);
    expect(body('en', 'saddle-or-minimum')).toContain(`${m.belowHwGrad} of them have`);
    expect(body('en', 'saddle-or-minimum')).toContain(`${m.hwLikeZero} of the 100 look like local minima`);
    expect(body('en', 'saddle-or-minimum')).toContain(`For ${m.noNegative} of the 100 networks`);
    expect(body('zh-tw', 'saddle-or-minimum')).toContain(`其中 ${m.belowHwGrad} 個`);
    expect(body('zh-tw', 'saddle-or-minimum')).toContain(`100 個裡有 ${m.hwLikeZero} 個看起來像局部最小值`);
    expect(body('zh-tw', 'saddle-or-minimum')).toContain(`100 個網路裡有 ${m.noNegative} 個完全沒有`);
  });
});
