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
      files: [],
    });
  });

  it('reads a sweep run: preset, shard, threads and output file', () => {
    const a = parseArgs(['xor-jellyfish', '--preset', 'paper', '--shard', '2/5', '--threads', '2', '--out', 'r.json']);
    expect([a.preset, a.shard, a.threads, a.out]).toEqual(['paper', { index: 2, count: 5 }, 2, 'r.json']);
    expect(parseArgs(['merge', 'a.json', 'b.json', '--out', 'all.json']).files).toEqual(['a.json', 'b.json']);
  });

  it('names the argument when a preset, shard or merge is malformed', () => {
    expect(() => parseArgs(['x', '--preset', 'huge'])).toThrow('--preset expects one of live, paper; got "huge"');
    for (const bad of ['3/3', '1', '-1/2', '1/0', 'a/b', '1/2/3'])
      expect(() => parseArgs(['x', '--shard', bad]), bad).toThrow(
        `--shard expects i/N with N ≥ 1 and 0 ≤ i < N, e.g. --shard 0/4 for the first of four shards; got "${bad}"`,
      );
    expect(() => parseArgs(['x', '--shard'])).toThrow(/--shard expects i\/N/);
    expect(() => parseArgs(['x', '--threads', '0'])).toThrow(/--threads expects a whole number/);
    expect(() => parseArgs(['merge', 'a.json'])).toThrow(/merge expects shard files and --out/);
  });

  it('refuses a bad seed and unknown options', () => {
    expect(() => parseArgs(['x', '--seed', '-2'])).toThrow(/--seed expects a whole number/);
    expect(() => parseArgs(['--frobnicate'])).toThrow(/unknown option/);
  });
});
