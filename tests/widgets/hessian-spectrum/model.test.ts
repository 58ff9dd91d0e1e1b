// HessianSpectrum's page-side logic: hidden widths as typed and linked, parameter counts from src/lib, URL state, the
// spike detector, and the lecture's caption naming the network the widget trains.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../../src/lib/data/index.ts';
import { mlpParamCount } from '../../../src/lib/models/mlp.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { readUrl, stateFrom, writeUrl } from '../../../src/components/widgets/shared/fields.ts';
import { datasetDims } from '../../../src/components/widgets/hessian-spectrum/dims.ts';
import { choiceEdit, hiddenEdit, linkedHidden } from '../../../src/components/widgets/hessian-spectrum/edits.ts';
import { fields } from '../../../src/components/widgets/hessian-spectrum/fields.ts';
import {
  clampHidden,
  lossSpikes,
  parameterCount,
  parseHidden,
  readHidden,
  SPECTRUM_DATASETS,
} from '../../../src/components/widgets/hessian-spectrum/model.ts';
import { props } from '../../../src/components/widgets/hessian-spectrum/props.ts';
import en from '../../../src/content/i18n/en.json' with { type: 'json' };

const dims = datasetDims();
const s = en as Record<string, string>;
const defaults = stateFrom(fields, props.parse({}));

describe('hidden widths', () => {
  it('reads "10, 10", "10-10" (the URL form) and "10 x 10" as two layers, and a leading minus as a sign', () => {
    expect(parseHidden('10, 10')).toEqual([10, 10]);
    expect(parseHidden('10-10')).toEqual([10, 10]);
    expect(parseHidden('10 x 10')).toEqual([10, 10]);
    expect(parseHidden('-3')).toEqual([-3]);
    expect(parseHidden('5, −3')).toEqual([5, -3]);
    expect(parseHidden('wide')).toBeNull();
    expect(parseHidden('  ')).toBeNull();
  });

  it('clamps to whole widths from 1 to 64 and at most 3 layers', () => {
    expect(clampHidden([100, 0.4, 3.6, 5])).toEqual([64, 1, 4]);
    expect(clampHidden([-3])).toEqual([1]);
  });

  it('uses clamped widths with a notice, and refuses text or a network too large for a live spectrum', () => {
    const clamped = hiddenEdit(s, dims, defaults, [10], '-3');
    expect(clamped).toMatchObject({ kind: 'use', hidden: [1] });
    expect(clamped.kind === 'use' && clamped.notice).toContain('64');
    expect(hiddenEdit(s, dims, defaults, [10], '4, 4')).toEqual({ kind: 'use', state: defaults, hidden: [4, 4], notice: null });
    const words = hiddenEdit(s, dims, defaults, [10], 'wide');
    expect(words).toMatchObject({ kind: 'refuse', shown: '10' });
    // 100, 100 is limited to 64, 64, and 1-64-64-1 still has 128 + 4,160 + 65 = 4,353 parameters, above the 600 allowed.
    const big = hiddenEdit(s, dims, defaults, [10], '100, 100');
    expect(big.kind === 'refuse' && big.message).toContain('4353');
    expect(big.kind === 'refuse' && big.message).toContain('100, 100');
    expect(big.kind === 'refuse' && big.message).toContain('600');
    expect(readHidden('200', dims, 'sinc')).toEqual({ ok: true, hidden: [64], clamped: true });
    expect(readHidden('200, 200', dims, 'sinc')).toEqual({
      ok: false,
      reason: 'too-large',
      typed: [200, 200],
      hidden: [64, 64],
      count: 4353,
    });
  });

  it('refuses a data set the current widths would make too large (teacher: 4 inputs)', () => {
    // 4-20-20-1 = 100 + 420 + 21 = 541 ≤ 600; 4-24-20-1 = 120 + 500 + 21 = 641 > 600 (on sinc, 1-24-20-1 has 569).
    expect(choiceEdit(s, dims, defaults, [20, 20], 'dataset', 'teacher')).toMatchObject({ kind: 'use', state: { dataset: 'teacher' } });
    expect(choiceEdit(s, dims, defaults, [24, 20], 'dataset', 'teacher')).toMatchObject({ kind: 'refuse', shown: 'sinc' });
    expect(parameterCount(dims, 'sinc', [24, 20])).toBe(48 + 500 + 21);
  });
});

describe('parameter counts and data-set sizes come from src/lib', () => {
  it('reads every data set’s input and output dimension from the data set itself', () => {
    for (const [key, { id, params }] of Object.entries(SPECTRUM_DATASETS)) {
      const d = makeDataset(id, params, createRng(7));
      expect(dims[key as keyof typeof dims]).toEqual({ inputDim: d.inputDim, outputDim: d.outputDim });
    }
    expect(dims.sinc).toEqual({ inputDim: 1, outputDim: 1 });
    expect(dims.teacher.inputDim).toBe(4);
  });

  it('counts P as the models module does: 1-10-1 has 31 parameters, 1-10-10-1 has 141, xor 2-4-4-1 has 37', () => {
    expect(parameterCount(dims, 'sinc', [10])).toBe(31);
    expect(parameterCount(dims, 'sinc', [10, 10])).toBe(141);
    expect(parameterCount(dims, 'xor', [4, 4])).toBe(37);
    expect(parameterCount(dims, 'teacher', [3])).toBe(mlpParamCount({ widths: [4, 3, 1], activation: 'tanh', bias: true }));
  });
});

describe('URL state', () => {
  it('carries the fields under their names and clamps a bad link value with a reason', () => {
    const { state, adjusted } = readUrl(fields, { dataset: 'xor', activation: 'relu', lr: '1e9', seed: '2.5', steps: '700' }, defaults);
    expect(state).toMatchObject({ dataset: 'xor', activation: 'relu', lr: 50, seed: 3, steps: 700 });
    expect(adjusted.map((a) => [a.field, a.change])).toEqual([
      ['lr', 'clamped'],
      ['seed', 'rounded'],
    ]);
    // chunk and gradTol are the lecture's, not the link's.
    expect(readUrl(fields, { chunk: '5', gradTol: '0.5' }, defaults).state).toEqual(defaults);
    expect(writeUrl(fields, { ...defaults, lr: 0.02, steps: 400 }, defaults)).toEqual({ lr: '0.02', steps: '400' });
    expect(writeUrl(fields, defaults, defaults)).toBeNull();
  });

  it('reads linked widths "4-4", explains ones it cannot use, and falls back to a data set they fit', () => {
    expect(linkedHidden(s, dims, defaults, defaults, [10], '4-4')).toEqual({ hidden: [4, 4], dataset: 'sinc', notice: null });
    expect(linkedHidden(s, dims, defaults, defaults, [10], undefined)).toEqual({ hidden: [10], dataset: 'sinc', notice: null });
    const bad = linkedHidden(s, dims, defaults, defaults, [10], 'x');
    expect(bad.hidden).toEqual([10]);
    expect(bad.notice).toContain(s['widget.hessian-spectrum.hidden']);
    expect(linkedHidden(s, dims, { ...defaults, dataset: 'teacher' }, defaults, [24, 20], undefined).dataset).toBe('sinc');
  });
});

describe('loss spikes', () => {
  it('finds each jump above twice the lowest loss before it, once per excursion, and never in a plain decrease', () => {
    const fall = Array.from({ length: 50 }, (_, i) => ({ step: 2 * i, loss: 1 / (1 + i) }));
    expect(lossSpikes(fall)).toEqual([]);
    const bumpy = [1, 0.5, 0.2, 0.1, 0.3, 0.5, 0.15, 0.08, 0.1, 0.2, 0.05].map((loss, i) => ({ step: i, loss }));
    expect(lossSpikes(bumpy)).toEqual([4, 9]);
  });
});

describe('the lecture and the widget name the same network', () => {
  it('captions the widget with its default widths and parameter count, the network of the lecture’s table', () => {
    const d = dims[defaults.dataset];
    const hidden = props.parse({}).hidden;
    const widths = [d.inputDim, ...hidden, d.outputDim].join('-');
    const P = parameterCount(dims, defaults.dataset, hidden);
    // tests/content/lecture-numbers.test.ts checks that the table's mlp-spectrum run has 31 parameters.
    expect(P).toBe(31);
    const read = (l: string) => readFileSync(new URL(`../../../src/content/lectures/${l}/saddle-or-minimum.mdx`, import.meta.url), 'utf8');
    expect(read('en')).toContain(`widths ${widths} (${P} parameters)`);
    expect(read('zh-tw')).toContain(`寬度 ${widths}（${P} 個參數）`);
    expect(read('en')).not.toMatch(/1-10-10-1|141 parameters/);
  });
});
