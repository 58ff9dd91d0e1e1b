// Registry of the synthetic data sets: id → { description, params schema, make(params, rng) }.
//
// make() validates its parameters with the entry's zod schema (defaults filled in, unknown keys rejected) and
// throws an Error naming each bad field, e.g. `dataset "sinc": n: Too small: expected number to be >=1`.
// Experiments call make(params, rng) with the generator they own; sets without randomness ignore rng.
// A random set also takes an optional `seed`: when given, it is drawn from createRng(seed) instead of rng,
// so a caller can pin the sample independently of the experiment's stream.
// The digits are a file, not a generator: decode them with decodeDigits from ./digits.ts.
import { z } from 'zod';
import { createRng, type Rng } from '../random/rng.ts';
import type { Dataset } from './dataset.ts';
import { makeJellyfish } from './jellyfish.ts';
import { makeSinc } from './sinc.ts';
import { makeSwirszczRegression } from './swirszcz-regression.ts';
import { makeReluTeacher } from './teacher.ts';
import { makeXor } from './xor.ts';

export type { Dataset, Task } from './dataset.ts';
export { validateDataset } from './dataset.ts';
export { decodeDigits, DIGITS_FILE_NAME } from './digits.ts';

export interface DatasetEntry<S extends z.ZodType = z.ZodType> {
  description: string;
  /** Parameter schema: z.input<S> is what callers may pass, z.output<S> what make builds from. */
  params: S;
  /** Validates params (throws naming the field) and builds the data set. */
  make(params: z.input<S>, rng: Rng): Dataset;
}

/** Parses raw parameters, turning zod's issues into one readable Error that names every bad field. */
export function parseParams<S extends z.ZodType>(id: string, schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(parameters)'}: ${issue.message}`);
  throw new Error(`dataset "${id}": ${lines.join('; ')}`);
}

function entry<S extends z.ZodType>(
  id: string,
  description: string,
  params: S,
  build: (p: z.output<S>, rng: Rng) => Dataset,
): DatasetEntry<S> {
  return { description, params, make: (raw, rng) => build(parseParams(id, params, raw), rng) };
}

const count = (max: number) => z.number().int().min(1).max(max);
const noise = z.number().min(0).max(1e3).default(0);
const seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1)
  .optional();

const none = z.strictObject({});

export const datasets = {
  xor: entry(
    'xor',
    'XOR: (0,0),(0,1),(1,0),(1,1) → 0,1,1,0; `centered` moves the inputs to ±1.',
    z.strictObject({ centered: z.boolean().default(false) }),
    (p) => makeXor(p),
  ),
  jellyfish: entry('jellyfish', 'Jellyfish (Swirszcz et al. 2016): positives (1,0),(0.2,0.6), negatives (0,1),(0.6,0.2).', none, () =>
    makeJellyfish(),
  ),
  'swirszcz-d1': entry(
    'swirszcz-d1',
    'D1 (Swirszcz et al. 2016, Prop. 1): five 1-D points where one ReLU unit has a bad local minimum (loss 18).',
    none,
    () => makeSwirszczRegression('d1'),
  ),
  'swirszcz-d2': entry(
    'swirszcz-d2',
    'D2 (Swirszcz et al. 2016, Prop. 2): six 1-D points; two ReLU units have a perfect fit and a bad local minimum.',
    none,
    () => makeSwirszczRegression('d2'),
  ),
  'swirszcz-d3': entry(
    'swirszcz-d3',
    'D3 (Swirszcz et al. 2016, Prop. 3): six 1-D points; three ReLU units have two local minima of different loss.',
    none,
    () => makeSwirszczRegression('d3'),
  ),
  sinc: entry(
    'sinc',
    'y = sin(πx)/(πx) on [−range, range], on a grid or at seeded uniform x, with optional Gaussian noise.',
    z.strictObject({
      n: count(100_000).default(50),
      range: z.number().positive().max(1e6).default(3),
      noise,
      sampling: z.enum(['grid', 'uniform']).default('grid'),
      seed,
    }),
    ({ seed, ...p }, rng) => makeSinc({ ...p, seed: seed ?? rng.seed }, seed === undefined ? rng : createRng(seed)),
  ),
  'teacher-relu': entry(
    'teacher-relu',
    'Safran & Shamir (2018): x ~ N(0, I_d) labelled by y = Σ_j ReLU(w_jᵀx) with k orthonormal w_j.',
    z
      .strictObject({
        n: count(1_000_000).default(1000),
        inputDim: count(10_000).default(6),
        hiddenUnits: count(10_000).default(6),
        weights: z.enum(['identity', 'random']).default('identity'),
        noise,
        seed,
      })
      .refine((p) => p.hiddenUnits <= p.inputDim, { message: 'must be at most inputDim (orthonormal rows)', path: ['hiddenUnits'] }),
    ({ seed, ...p }, rng) => makeReluTeacher({ ...p, seed: seed ?? rng.seed }, seed === undefined ? rng : createRng(seed)),
  ),
} satisfies Record<string, DatasetEntry>;

export type DatasetId = keyof typeof datasets;

export function isDatasetId(id: string): id is DatasetId {
  return Object.hasOwn(datasets, id);
}

/** Builds a registered data set by id from untrusted parameters (an experiment config from the worker or the command line). */
export function makeDataset(id: string, params: unknown, rng: Rng): Dataset {
  if (!isDatasetId(id)) throw new Error(`unknown dataset "${id}"; known: ${Object.keys(datasets).join(', ')}`);
  const e: DatasetEntry = datasets[id];
  return e.make(params, rng);
}
