// Widget text helpers: numbers with a true minus sign, and sentences joined the way each language writes them.
import { describe, expect, it } from 'vitest';
import { num, sentences } from '../../src/components/widgets/shared/format.ts';

describe('num', () => {
  it('uses a true minus sign and never shows −0', () => {
    expect(num(-1.5, 2)).toBe('−1.50');
    expect(num(-0.00001, 3)).toBe('0.000');
    expect(num(Number.NEGATIVE_INFINITY)).toBe('−∞');
  });
});

describe('sentences', () => {
  it('joins English sentences with a space and Chinese ones with nothing after 「。」', () => {
    expect(sentences(['The slice curves up.', 'The surface is a saddle.'])).toBe('The slice curves up. The surface is a saddle.');
    expect(sentences(['切面向上彎。', '整個曲面是鞍點。'])).toBe('切面向上彎。整個曲面是鞍點。');
    expect(sentences(['損失下降了。', '（在背景執行緒中花了 3 ms）'])).toBe('損失下降了。（在背景執行緒中花了 3 ms）');
  });

  it('skips empty parts', () => {
    expect(sentences(['', 'Only this.', ''])).toBe('Only this.');
    expect(sentences([])).toBe('');
  });
});
