// The one training loop: R runs stepped together, one evaluation of L and ∇L per step, one divergence rule.
//
// What is evaluated at step t (θ_t, global step count t = updates taken so far):
// - Full batch: L and ∇L at θ_t, once. That value decides divergence, convergence and the history, and the
//   same gradient makes the update θ_t → θ_{t+1}.
// - Minibatch (batchSize < samples): L_B and ∇L_B on the step's batch, always (the update needs them; the
//   divergence test reads L_B, free with its gradient). The full-batch L and ∇L are evaluated as well only
//   when something reads them: a history step, the chunk's last step, the first step of a run whose L₀ is not
//   yet known, or every step while a run has a tolerance to test (gradTol > 0 or lossTol), since a run must
//   stop at the first step its tolerance holds.
// A stopped run keeps its θ; a diverged one reports the θ before the step that diverged. The state (optimiser
// moments, t and each run's L₀) exports to plain JSON and restores exactly, so 50 + 50 steps equal 100.
import type { Rng } from '../random/rng.ts';
import { effectiveGradTol, gradTolNotice } from '../numerics/tolerances.ts';
import { createScheduler } from './scheduler.ts';
import { hasDiverged } from './divergence.ts';
import type { OptimizerStateJson, StepEngine } from './tensor-engine.ts';

export type RunState = 'finished' | 'converged' | 'diverged';

export interface RunResult {
  /** Last full-batch loss of the run (the last finite one for a diverged run). */
  loss: number;
  gradNorm: number;
  /** Global step where the run stopped (for a diverged run, the step whose loss diverged). */
  steps: number;
  state: RunState;
  /** The loss that diverged (diverged runs only). */
  divergedLoss?: number;
}

export interface StepperState extends OptimizerStateJson {
  /** Each run's loss at step 0: the reference of the divergence rule. */
  startLoss?: number[];
  /** Runs that have stopped, how and at which step: they stay stopped when resumed. */
  stopped?: { run: number; state: 'converged' | 'diverged'; step: number }[];
}

export interface StepperOptions {
  /** Minibatch size for SGD; full batch when absent or ≥ the number of samples. */
  batchSize?: number;
  /** A run stops (converged) once its full-batch ‖∇L‖ is at most this (raised to the float rounding floor). */
  gradTol?: number;
  /** A run stops (converged) once its full-batch loss is at most this. */
  lossTol?: number;
  /** History rows are taken at global steps that are multiples of this, and at the chunk's last step. */
  recordEvery?: number;
  /** Keep θ of every run in each history row. */
  recordThetas?: boolean;
  rng?: Rng;
  signal?: AbortSignal;
  onProgress?: (p: { step: number; steps: number; losses: number[] }) => void;
}

export interface HistoryRow {
  step: number;
  losses: number[];
  thetas?: number[];
}

export interface StepperResult {
  /** θ of every run (R×P) where it stopped; a diverged run keeps its last finite θ. */
  thetas: number[];
  runs: RunResult[];
  history: HistoryRow[];
  /** State to resume from (step count t = global step reached). */
  state: StepperState;
  /** Messages about settings that were adjusted (a gradient tolerance raised to the rounding floor). */
  notices: string[];
}

/**
 * Steps `engine` for `steps` updates from its state (global step `state.t`), or until every run has stopped.
 * The engine is not disposed.
 */
export async function runStepper(
  engine: StepEngine,
  steps: number,
  options: StepperOptions = {},
  resume?: StepperState,
): Promise<StepperResult> {
  const { runs, P, precision } = engine;
  const { gradTol = 0, lossTol, recordEvery = 1, rng, signal } = options;
  const minibatch = options.batchSize !== undefined && engine.samples !== undefined && options.batchSize < engine.samples;
  if (minibatch && !rng) throw new Error('runStepper: minibatch SGD needs an rng');
  const testsTolerance = gradTol > 0 || lossTol !== undefined;
  const scheduler = createScheduler(signal);
  const t0 = resume?.t ?? 0;
  let start = resume?.startLoss ? [...resume.startLoss] : undefined;
  if (start && start.length !== runs) throw new Error(`runStepper: startLoss has ${start.length} numbers for ${runs} runs`);
  const result: RunResult[] = Array.from({ length: runs }, () => ({ loss: NaN, gradNorm: NaN, steps: t0, state: 'finished' as RunState }));
  const active = new Float32Array(runs).fill(1);
  const carried = new Set<number>();
  for (const { run, state, step } of resume?.stopped ?? []) {
    Object.assign(result[run]!, { state, steps: step });
    active[run] = 0;
    carried.add(run);
  }
  const kept = new Map<number, number[]>();
  const history: HistoryRow[] = [];
  const raised = new Map<number, { used: number; loss: number }>();
  let losses: number[] = [];

  /** Stops run r at step t; a diverged run keeps θ from before this step (θ_t itself when the chunk just began). */
  const stop = (r: number, state: RunState, t: number, fresh: boolean) => {
    Object.assign(result[r]!, { state, steps: t });
    active[r] = 0;
    if (state === 'diverged') kept.set(r, Array.from(engine.readTheta(!fresh)).slice(r * P, (r + 1) * P));
  };
  for (let s = 0; s <= steps; s++) {
    const t = t0 + s;
    const record = (t % recordEvery === 0 || s === steps) && (s > 0 || t0 === 0);
    if (!minibatch || record || s === steps || !start || testsTolerance) {
      const full = engine.evaluate();
      losses = Array.from(full.losses);
      start ??= losses.slice();
      // A run stopped in an earlier chunk sits at its final (or last finite) θ: its loss there is its result.
      for (const r of carried) Object.assign(result[r]!, { loss: full.losses[r]!, gradNorm: full.gradNorms[r]! });
      carried.clear();
      for (let r = 0; r < runs; r++) {
        if (!active[r]) continue;
        const run = result[r]!;
        run.steps = t;
        if (hasDiverged(full.losses[r]!, full.gradNorms[r]!, start[r]!)) {
          run.divergedLoss = full.losses[r]!;
          stop(r, 'diverged', t, s === 0);
          continue;
        }
        run.loss = full.losses[r]!;
        run.gradNorm = full.gradNorms[r]!;
        const tol = effectiveGradTol(gradTol, run.loss, precision);
        if (tol.raised) raised.set(r, { used: tol.tol, loss: run.loss });
        if (run.gradNorm <= tol.tol || (lossTol !== undefined && run.loss <= lossTol)) stop(r, 'converged', t, s === 0);
      }
    }
    if (record) history.push({ step: t, losses, ...(options.recordThetas ? { thetas: Array.from(engine.readTheta()) } : {}) });
    if (s === steps || !active.some(Boolean)) break;
    if (minibatch) {
      const b = engine.evaluate(sampleBatch(rng!, engine.samples!, options.batchSize!));
      for (let r = 0; r < runs; r++) {
        if (!active[r] || !hasDiverged(b.losses[r]!, b.gradNorms[r]!, start![r]!)) continue;
        result[r]!.divergedLoss = b.losses[r]!;
        stop(r, 'diverged', t, s === 0);
      }
      if (!active.some(Boolean)) break;
    }
    engine.update(active);
    await scheduler.tick(() => options.onProgress?.({ step: t + 1, steps: t0 + steps, losses }));
  }
  const thetas = Array.from(engine.readTheta());
  for (const [r, row] of kept) thetas.splice(r * P, P, ...row);
  const notices = [...raised.values()].slice(0, 1).map(({ used, loss }) => gradTolNotice(gradTol, used, loss, precision));
  const stopped = result.flatMap(({ state, steps: step }, run) => (state === 'finished' ? [] : [{ run, state, step }]));
  const state: StepperState = { ...engine.exportState(), ...(start ? { startLoss: start } : {}), ...(stopped.length ? { stopped } : {}) };
  return { thetas, runs: result, history, state, notices };
}

/** `size` distinct sample indices drawn uniformly without replacement (partial Fisher–Yates). */
export function sampleBatch(rng: Rng, n: number, size: number): Int32Array {
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + rng.int(n - i);
    const tmp = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = tmp;
  }
  return idx.slice(0, size);
}
