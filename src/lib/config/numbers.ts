// zod number schemas with messages that say which quantity is wrong and what it must be.
import { z } from 'zod';

const mustBe = (label: string, what: string) => ({ error: `${label} must be ${what}` });

/** A finite number > 0 (learning rates, tolerances, scales). NaN and ±Infinity are rejected. */
export const positiveNumber = (label: string) =>
  z.number(mustBe(label, 'a positive finite number')).refine((v) => Number.isFinite(v) && v > 0, mustBe(label, 'a positive finite number'));

/** A finite number ≥ 0. */
export const nonNegativeNumber = (label: string) =>
  z.number(mustBe(label, 'a finite number ≥ 0')).refine((v) => Number.isFinite(v) && v >= 0, mustBe(label, 'a finite number ≥ 0'));

/** A whole number ≥ 1, at most `max`. */
export const count = (label: string, max = 1_000_000) =>
  z
    .number(mustBe(label, 'a whole number'))
    .int(mustBe(label, 'a whole number'))
    .min(1, mustBe(label, 'at least 1'))
    .max(max, mustBe(label, `at most ${max}`));

/** A finite number in [0, 1). */
export const fraction = (label: string) =>
  z.number(mustBe(label, 'a number in [0, 1)')).min(0, mustBe(label, 'a number in [0, 1)')).lt(1, mustBe(label, 'a number in [0, 1)'));
