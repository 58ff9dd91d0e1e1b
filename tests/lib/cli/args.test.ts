import { describe, expect, it } from 'vitest';
import { parseArgs, settingsToConfig } from '../../../src/lib/cli/args.ts';

describe('settingsToConfig', () => {
  it('builds nested settings from dotted keys, reading JSON values', () => {
    expect(settingsToConfig(['optimizer.lr=0.05', 'hidden=[8,8]', 'dataset.id=xor', 'dataset.params.centered=true'])).toEqual({
      optimizer: { lr: 0.05 },
      hidden: [8, 8],
      dataset: { id: 'xor', params: { centered: true } },
    });
  });

  it('rejects a setting without "="', () => {
    expect(() => settingsToConfig(['steps'])).toThrow(/key=value/);
  });
});

describe('parseArgs', () => {
  it('reads the experiment id, seed, settings and flags', () => {
    expect(parseArgs(['toy-hessian', '--seed', '7', '--set', 'w1=1', '--json'])).toEqual({
      list: false,
      json: true,
      help: false,
      id: 'toy-hessian',
      seed: 7,
      settings: ['w1=1'],
    });
  });

  it('refuses a bad seed and unknown options', () => {
    expect(() => parseArgs(['x', '--seed', '-2'])).toThrow(/--seed expects a whole number/);
    expect(() => parseArgs(['--frobnicate'])).toThrow(/unknown option/);
  });
});
