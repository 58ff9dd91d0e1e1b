import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/lib/random/rng.ts';
import { datasets, isDatasetId, makeDataset, validateDataset } from '../../../src/lib/data/index.ts';

describe('the data-set registry', () => {
  it('lists XOR, jellyfish, the three Swirszcz regression sets, sinc and the ReLU teacher', () => {
    expect(Object.keys(datasets).sort()).toEqual(['jellyfish', 'sinc', 'swirszcz-d1', 'swirszcz-d2', 'swirszcz-d3', 'teacher-relu', 'xor']);
    expect(isDatasetId('xor')).toBe(true);
    expect(isDatasetId('toString')).toBe(false);
  });

  it('builds a valid data set, with the registry id, from default parameters for every entry', () => {
    for (const [id, e] of Object.entries(datasets)) {
      expect(e.description.length).toBeGreaterThan(10);
      const ds = makeDataset(id, {}, createRng(0));
      expect(validateDataset(ds).id).toBe(id);
    }
  });

  it('gives the same data for the same generator seed and different data for another', () => {
    const a = makeDataset('sinc', { sampling: 'uniform', noise: 0.1 }, createRng(7));
    const b = makeDataset('sinc', { sampling: 'uniform', noise: 0.1 }, createRng(7));
    const c = makeDataset('sinc', { sampling: 'uniform', noise: 0.1 }, createRng(8));
    expect(a.targets).toEqual(b.targets);
    expect(a.inputs).not.toEqual(c.inputs);
  });

  it('lets a seed parameter pin the sample whatever generator is passed', () => {
    const a = datasets['teacher-relu'].make({ n: 20, inputDim: 3, hiddenUnits: 2, seed: 5 }, createRng(1));
    const b = datasets['teacher-relu'].make({ n: 20, inputDim: 3, hiddenUnits: 2, seed: 5 }, createRng(2));
    expect(a.inputs).toEqual(b.inputs);
    expect(a.targets).toEqual(b.targets);
  });

  it('rejects a negative n with a message naming n', () => {
    expect(() => makeDataset('sinc', { n: -5 }, createRng(0))).toThrow(/dataset "sinc": n: /);
    expect(() => makeDataset('teacher-relu', { n: -5 }, createRng(0))).toThrow(/dataset "teacher-relu": n: /);
  });

  it('rejects NaN noise with a message naming noise', () => {
    expect(() => makeDataset('sinc', { noise: Number.NaN }, createRng(0))).toThrow(/noise: /);
    expect(() => makeDataset('teacher-relu', { noise: Number.NaN }, createRng(0))).toThrow(/noise: /);
  });

  it('rejects a fractional n, a negative range, an unknown sampling and an unknown field, naming each', () => {
    expect(() => datasets.sinc.make({ n: 2.5 }, createRng(0))).toThrow(/n: /);
    expect(() => datasets.sinc.make({ range: -1 }, createRng(0))).toThrow(/range: /);
    expect(() => makeDataset('sinc', { sampling: 'random' }, createRng(0))).toThrow(/sampling: /);
    expect(() => makeDataset('xor', { centred: true }, createRng(0))).toThrow(/centred/);
  });

  it('rejects more teacher units than input dimensions, naming hiddenUnits', () => {
    expect(() => makeDataset('teacher-relu', { inputDim: 3, hiddenUnits: 4 }, createRng(0))).toThrow(
      /hiddenUnits: must be at most inputDim/,
    );
  });

  it('rejects an unknown id and lists the known ones', () => {
    expect(() => makeDataset('mnist', {}, createRng(0))).toThrow(/unknown dataset "mnist"; known: xor, jellyfish/);
  });
});
