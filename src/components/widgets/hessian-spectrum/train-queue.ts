// The training queue: how many steps the reader has asked for, trained chunk by chunk through one worker channel.
// Requests add up (ten presses of "+100" ask for 1,000 steps), "Train" asks for steps until it is paused, and Stop
// cancels what is left, including the chunk in flight. Only this queue sends training requests, so two never race.

/** What one chunk did: went on, was cancelled by Stop or a restart (the queue re-reads what is wanted), or ended the run. */
export type ChunkOutcome = 'trained' | 'cancelled' | 'ended';

export interface QueueHost {
  /** The step θ is at now. */
  step(): number;
  /** Whether the run has not been evaluated yet (a fresh θ₀ needs one request, even of 0 steps). */
  fresh(): boolean;
  /** Trains `steps` more steps from the current θ (or θ₀ when fresh) and adopts the result. */
  advance(steps: number): Promise<ChunkOutcome>;
  /** Cancels the chunk in flight (its `advance` then resolves 'cancelled'). */
  cancel(): void;
  /** Whether continuous training may go on (it pauses while the widget is off screen). */
  visible(): boolean;
  /** Marks the widget busy until the promise settles. */
  track<T>(run: Promise<T>): Promise<T>;
  /** Nothing is left to do: `why` says whether the work was done, stopped, paused off screen or ended. */
  idle(why: 'done' | 'stopped' | 'hidden' | 'ended' | 'max'): void;
}

export class TrainQueue {
  /** The step the reader wants to reach (continuous training aside). */
  private target = 0;
  private continuous = false;
  private stopped = false;
  private loop: Promise<void> | null = null;

  private readonly host: QueueHost;
  private readonly chunk: number;
  private readonly maxSteps: number;

  constructor(host: QueueHost, chunk: number, maxSteps: number) {
    this.host = host;
    this.chunk = chunk;
    this.maxSteps = maxSteps;
  }

  /** Whether chunks are being trained (or a fresh run evaluated). */
  get running(): boolean {
    return this.loop !== null;
  }

  /** Whether "Train" is on. */
  get training(): boolean {
    return this.continuous;
  }

  /** Steps asked for and not yet trained. */
  get pending(): number {
    return Math.max(0, (this.continuous ? this.maxSteps : this.target) - this.host.step());
  }

  /** Asks for `steps` more steps on top of whatever is already asked for; false if the run is at its last step. */
  add(steps: number): boolean {
    const from = Math.max(this.target, this.host.step());
    if (from >= this.maxSteps) return false;
    this.target = Math.min(this.maxSteps, from + steps);
    this.kick();
    return true;
  }

  /** Turns continuous training on or off; off cancels the rest, as Stop does. */
  train(on: boolean): void {
    if (!on) return this.stop();
    this.continuous = true;
    this.kick();
  }

  /** Cancels everything asked for and the chunk in flight; θ stays at the last finished chunk. */
  stop(): void {
    this.continuous = false;
    this.target = this.host.step();
    if (this.loop) {
      this.stopped = true;
      this.host.cancel();
    }
  }

  /** A new run (new settings, or a link's step count): trains from θ₀ to `steps`, keeping "Train" as it is. */
  restart(steps: number): void {
    this.target = Math.min(this.maxSteps, steps);
    if (this.loop) this.host.cancel();
    this.kick();
  }

  /** Forgets everything (Reset): nothing is asked for, "Train" is off, the chunk in flight is cancelled. */
  clear(): void {
    this.continuous = false;
    this.target = 0;
    if (this.loop) this.host.cancel();
  }

  /** Resumes continuous training when the widget is back on screen. */
  resume(): void {
    if (this.continuous) this.kick();
  }

  private kick(): void {
    if (this.loop) return;
    this.stopped = false;
    this.loop = this.host.track(this.drain());
  }

  private async drain(): Promise<void> {
    // Let kick() record this loop before anything below can finish it.
    await null;
    let why: Parameters<QueueHost['idle']>[0] = 'done';
    try {
      for (;;) {
        const left = (this.continuous ? this.maxSteps : this.target) - this.host.step();
        if (left <= 0 && !this.host.fresh()) {
          if (this.continuous) {
            this.continuous = false;
            why = 'max';
          }
          break;
        }
        if (this.continuous && !this.host.visible() && !this.host.fresh()) {
          why = 'hidden';
          break;
        }
        if ((await this.host.advance(Math.max(0, Math.min(this.chunk, left)))) === 'ended') {
          this.continuous = false;
          this.target = this.host.step();
          why = 'ended';
          break;
        }
      }
    } finally {
      this.loop = null;
    }
    const stopped = this.stopped;
    this.stopped = false;
    this.host.idle(why === 'done' && stopped ? 'stopped' : why);
  }
}
