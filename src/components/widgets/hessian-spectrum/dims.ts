// Build time only: the input and output dimension of every data set the widget offers, read from the data sets.
import { makeDataset } from '../../../lib/data/index.ts';
import { createRng } from '../../../lib/random/rng.ts';
import { DATASET_KEYS } from './fields.ts';
import { SPECTRUM_DATASETS, type DatasetDims } from './model.ts';

let dims: DatasetDims | undefined;

/** Built once per process; the sizes do not depend on the seed (only the teacher's samples do). */
export function datasetDims(): DatasetDims {
  dims ??= Object.fromEntries(
    DATASET_KEYS.map((key) => {
      const { id, params } = SPECTRUM_DATASETS[key];
      const d = makeDataset(id, params, createRng(1));
      return [key, { inputDim: d.inputDim, outputDim: d.outputDim }];
    }),
  ) as DatasetDims;
  return dims;
}
