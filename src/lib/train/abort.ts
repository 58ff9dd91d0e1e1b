// The error a cancelled or superseded run rejects with; its own module so page code can use it without tfjs.
export class AbortError extends Error {
  constructor() {
    super('The run was cancelled.');
    this.name = 'AbortError';
  }
}
