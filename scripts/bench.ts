// `npm run bench` [--full] [--only reproductions]: the performance figures, each beside a baseline measured in the
// same run (bench-all.ts). This entry also serves as the sweep pool's worker thread (the pool starts this bundle).
import { isPoolWorker, serveSweepJobs } from '../src/lib/cli/sweep-pool.ts';

if (isPoolWorker()) serveSweepJobs();
else await import('./bench-all.ts');
