// `npm run experiment -- --list` | `npm run experiment -- <id> [--seed N] [--set key=value …] [--json]`
import { experiments, getExperiment, runExperiment } from '../src/lib/experiments/index.ts';
import { parseArgs, settingsToConfig } from '../src/lib/cli/args.ts';
import { ConfigError } from '../src/lib/config/parse.ts';

const USAGE = `usage:
  npm run experiment -- --list
  npm run experiment -- <id> [--seed N] [--set key=value …] [--json]
values in --set are read as JSON when they parse (numbers, arrays, objects), else as text;
dotted keys reach nested settings, e.g. --set optimizer.lr=0.05 --set hidden=[8,8]`;

try {
  const args = parseArgs(process.argv.slice(2));
  if (args.help || (!args.list && !args.id)) {
    console.log(USAGE);
  } else if (args.list) {
    const width = Math.max(...Object.keys(experiments).map((k) => k.length));
    for (const e of Object.values(experiments)) console.log(`${e.id.padEnd(width)}  ${e.description}`);
  } else {
    const experiment = getExperiment(args.id!);
    const started = performance.now();
    let shown = false;
    const progress = (p: { fraction: number; stage: string }) => {
      shown = true;
      process.stderr.write(`\r${`${Math.round(p.fraction * 100)}% ${p.stage}`.padEnd(70)}`);
    };
    const result = await runExperiment(
      { id: experiment.id, config: settingsToConfig(args.settings), seed: args.seed },
      args.json ? {} : { onProgress: progress },
    );
    if (args.json) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      if (shown) process.stderr.write(`\r${' '.repeat(70)}\r`);
      console.log(`${experiment.id} (seed ${args.seed}, ${((performance.now() - started) / 1000).toFixed(2)} s)`);
      for (const line of experiment.summarize(result)) console.log(`  ${line}`);
    }
  }
} catch (err) {
  console.error(err instanceof ConfigError || err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
