// Parses `--set a.b=value` style arguments into a nested config object (values read as JSON when they parse).

/** `["optimizer.lr=0.1", "hidden=[8,8]"]` → `{ optimizer: { lr: 0.1 }, hidden: [8, 8] }`. */
export function settingsToConfig(settings: string[]): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const setting of settings) {
    const eq = setting.indexOf('=');
    if (eq <= 0) throw new Error(`--set expects key=value, got "${setting}"`);
    const path = setting.slice(0, eq).split('.');
    const raw = setting.slice(eq + 1);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    let node = config;
    for (const key of path.slice(0, -1)) {
      const next = node[key];
      node = (next && typeof next === 'object' && !Array.isArray(next) ? next : (node[key] = {})) as Record<string, unknown>;
    }
    node[path.at(-1)!] = value;
  }
  return config;
}

export interface CliArgs {
  list: boolean;
  json: boolean;
  help: boolean;
  id?: string;
  seed: number;
  settings: string[];
  /** A sweep's named setting: `live` (the widget default) or `paper` (the committed, paper-scale run). */
  preset?: 'live' | 'paper';
  /** Run only shard i of N (jobs whose index is i mod N). */
  shard?: { index: number; count: number };
  /** Where to write the results file. */
  out?: string;
  /** Worker threads for a sweep (default: every core). */
  threads?: number;
  /** The files after `merge`: shards to join into one results file. */
  files: string[];
}

const PRESETS = ['live', 'paper'] as const;

/** `i/N` with 0 ≤ i < N; anything else names the argument and shows the form. */
export function parseShard(text: string | undefined): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text ?? '');
  const index = Number(m?.[1]),
    count = Number(m?.[2]);
  if (!m || count < 1 || index >= count)
    throw new Error(`--shard expects i/N with N ≥ 1 and 0 ≤ i < N, e.g. --shard 0/4 for the first of four shards; got "${text ?? ''}"`);
  return { index, count };
}

export function parseArgs(argv: string[]): CliArgs {
  const out: CliArgs = { list: false, json: false, help: false, seed: 1, settings: [], files: [] };
  const value = (i: number, name: string) => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} expects a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--list') out.list = true;
    else if (a === '--json') out.json = true;
    else if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--seed') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`--seed expects a whole number ≥ 0, got "${argv[i]}"`);
      out.seed = v;
    } else if (a === '--set') {
      const v = argv[++i];
      if (v === undefined) throw new Error('--set expects key=value');
      out.settings.push(v);
    } else if (a === '--preset') {
      const v = argv[++i];
      if (!PRESETS.includes(v as (typeof PRESETS)[number]))
        throw new Error(`--preset expects one of ${PRESETS.join(', ')}; got "${v ?? ''}"`);
      out.preset = v as (typeof PRESETS)[number];
    } else if (a === '--shard') out.shard = parseShard(argv[++i]);
    else if (a === '--out') out.out = value(++i, '--out');
    else if (a === '--threads') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1 || v > 256)
        throw new Error(`--threads expects a whole number from 1 to 256, got "${argv[i] ?? ''}"`);
      out.threads = v;
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else if (out.id === undefined) out.id = a;
    else if (out.id === 'merge') out.files.push(a);
    else throw new Error(`unexpected argument "${a}"`);
  }
  if (out.id === 'merge' && (!out.out || out.files.length === 0))
    throw new Error('merge expects shard files and --out <file>, e.g. merge a.json b.json --out all.json');
  return out;
}
