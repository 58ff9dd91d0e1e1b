// The error every pending call rejects with when the experiment worker fails to start or dies; page-safe (no tfjs).
export class WorkerLostError extends Error {
  /** 'start': the worker never answered its first message; 'run': it stopped while runs were pending. */
  readonly phase: 'start' | 'run';

  constructor(phase: 'start' | 'run', detail = '') {
    super(`the experiment worker ${phase === 'start' ? 'failed to start' : 'stopped'}${detail ? `: ${detail}` : ''}`);
    this.name = 'WorkerLostError';
    this.phase = phase;
  }
}

export const isWorkerLost = (err: unknown): err is WorkerLostError => (err as Error)?.name === 'WorkerLostError';
