import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDigits, DIGITS_FILE_NAME } from '../../../src/lib/data/digits.ts';

/** Node-only loader: the decoder itself takes bytes, so the browser can fetch the same file. */
const dataDir = new URL('../../../public/data/', import.meta.url);
const bytes = new Uint8Array(readFileSync(new URL(DIGITS_FILE_NAME, dataDir)));
const ds = decodeDigits(bytes);

describe('the 8×8 digits file public/data/digits-8x8.bin', () => {
  it('holds 1,797 images of 64 pixels with one-hot targets over 10 classes', () => {
    expect([ds.id, ds.n, ds.inputDim, ds.outputDim, ds.task]).toEqual(['digits-8x8', 1797, 64, 10, 'classification']);
    expect(bytes.length).toBe(16 + 1797 * 65);
  });

  it('has the per-class counts of the UCI test set: 178, 182, 177, 183, 181, 182, 181, 179, 174, 180', () => {
    // Counted once from scikit-learn's digits.csv.gz with Python; UCI lists the same for optdigits.tes.
    const counts = new Array(10).fill(0);
    for (const c of ds.labels!) counts[c]++;
    expect(counts).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
  });

  it('scales pixels from 0…16 to [0, 1], every value a multiple of 1/16, using both ends', () => {
    let min = Infinity,
      max = -Infinity,
      sum = 0,
      offGrid = 0;
    for (const p of ds.inputs) {
      min = Math.min(min, p);
      max = Math.max(max, p);
      sum += p;
      if (!Number.isInteger(p * 16)) offGrid++;
    }
    expect([min, max, offGrid]).toEqual([0, 1, 0]);
    // The CSV's pixels add up to 561,718 (computed with Python from digits.csv.gz).
    expect(sum * 16).toBe(561_718);
  });

  it('starts with a 0 whose top row is 0 0 5 13 9 1 0 0, and the first ten labels are 0…9', () => {
    expect(ds.labels![0]).toBe(0);
    expect(Array.from(ds.inputs.subarray(0, 8), (p) => p * 16)).toEqual([0, 0, 5, 13, 9, 1, 0, 0]);
    expect(Array.from(ds.inputs.subarray(56, 64), (p) => p * 16)).toEqual([0, 0, 6, 13, 10, 0, 0, 0]);
    expect(Array.from(ds.labels!.subarray(0, 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('has a one-hot target row with its 1 in the label column for every image', () => {
    for (let i = 0; i < ds.n; i++) {
      const row = Array.from(ds.targets.subarray(i * 10, i * 10 + 10));
      expect(row.reduce((s, v) => s + v, 0)).toBe(1);
      expect(row[ds.labels![i]!]).toBe(1);
    }
  });

  it('comes with a licence note naming the UCI source, CC BY 4.0 and scikit-learn’s BSD-3-Clause', () => {
    const note = readFileSync(new URL('digits-8x8.LICENSE.txt', dataDir), 'utf8');
    expect(note).toMatch(/Optical Recognition of Handwritten Digits/);
    expect(note).toMatch(/CC BY 4\.0/);
    expect(note).toMatch(/BSD 3-Clause/);
  });
});

describe('decodeDigits', () => {
  it('rejects bytes that are not a digits file, a truncated file and an unknown version', () => {
    expect(() => decodeDigits(new Uint8Array(4))).toThrow(/shorter than the 16-byte header/);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 0x58;
    expect(() => decodeDigits(wrongMagic)).toThrow(/not a digits file/);
    expect(() => decodeDigits(bytes.subarray(0, bytes.length - 1))).toThrow(/implies 116821/);
    const v2 = bytes.slice();
    v2[4] = 2;
    expect(() => decodeDigits(v2)).toThrow(/version 2/);
  });

  it('rejects a pixel above the declared maximum and a label outside 0…9', () => {
    const hot = bytes.slice();
    hot[16] = 17;
    expect(() => decodeDigits(hot)).toThrow(/pixel 0 is 17/);
    const badLabel = bytes.slice();
    badLabel[16 + 1797 * 64] = 10;
    expect(() => decodeDigits(badLabel)).toThrow(/label 0 is 10/);
  });

  it('decodes from a view into a larger buffer (as a fetch into a shared buffer might give)', () => {
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 3);
    expect(decodeDigits(padded.subarray(3, 3 + bytes.length)).labels).toEqual(ds.labels);
  });
});
