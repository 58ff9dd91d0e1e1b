// Run by the build before anything else (results-check.ts bundles and starts it): checks the committed results file
// of every registered sweep and prints each problem, naming the file and the command that remakes it.
import { experiments, type ExperimentId } from '../experiments/index.ts';
import { isSweep } from '../experiments/sweep.ts';
import { committedResults } from '../experiments/committed.ts';

const problems: string[] = [];
for (const id of Object.keys(experiments) as ExperimentId[]) {
  if (!isSweep(experiments[id] as never)) continue;
  try {
    committedResults(id);
  } catch (err) {
    problems.push((err as Error).message);
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
}
