// DimensionsAndSaddles' text parts: probabilities as a reader writes them, durations and counts in both languages.
import { describe, expect, it } from 'vitest';
import { counted, duration, goeSummary, prob } from '../../../src/components/widgets/dimensions-and-saddles/view.ts';
import { goeStats } from '../../../src/lib/experiments/goe-stats.ts';
import en from '../../../src/content/i18n/en.json' with { type: 'json' };
import zhTw from '../../../src/content/i18n/zh-tw.json' with { type: 'json' };

const EN = en as Record<string, string>;
const ZH = zhTw as Record<string, string>;

describe('prob', () => {
  it('prints four decimals down to 10⁻³, then a power of ten with a true minus, never e-notation', () => {
    expect(prob(0.14645)).toBe('0.1464');
    expect(prob(0.001)).toBe('0.0010');
    expect(prob(1.5e-5)).toBe('1.50×10⁻⁵');
    expect(prob(3 / 2_000_000)).toBe('1.50×10⁻⁶');
    expect(prob(0)).toBe('0');
  });
});

describe('duration', () => {
  it('says seconds, minutes or hours in each language, Chinese with its own units', () => {
    expect(duration(EN, 45_000)).toBe('45 s');
    expect(duration(EN, 30 * 60_000)).toBe('30 min');
    expect(duration(EN, 3.2 * 3600_000)).toBe('3.2 h');
    expect(duration(ZH, 30 * 60_000)).toBe('30 分鐘');
    expect(duration(ZH, 45_000)).toBe('45 秒');
  });
});

describe('counted and goeSummary', () => {
  it('count matrices and batches in proper English and with one form in Chinese', () => {
    expect(counted(EN, 'Matrix', 1)).toBe('1 matrix');
    expect(counted(EN, 'Batch', 3)).toBe('3 batches');
    expect(counted(ZH, 'Batch', 3)).toBe('3 批');
  });

  it('joins Chinese sentences without ASCII spaces between them', () => {
    const stats = goeStats([
      { n: 1, samples: 100, positiveDefinite: 50 },
      { n: 2, samples: 100, positiveDefinite: 15 },
      { n: 3, samples: 100, positiveDefinite: 0 },
    ]);
    const zh = goeSummary(ZH, stats);
    expect(zh).toContain('。n = 2');
    expect(zh).not.toMatch(/。 /);
    expect(goeSummary(EN, stats)).toContain('From n = 3 on, no sampled matrix was positive definite.');
  });
});
