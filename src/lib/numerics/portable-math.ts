// acos, atan2, log, sin and cos built from +, −, ×, ÷ and √ only, so a run gives bit-identical numbers in every
// JavaScript engine.
//
// Math.acos, atan2, log, exp, sin, cos and pow are not required to be correctly rounded, and Node 20's V8 and
// Chromium 156's differ in the last bit on 3–20% of arguments (measured on 20 000 each; Math.hypot agreed). The
// teacher–student descent drifted apart at 10⁻¹⁶ because of it. The four operations and
// the square root are exactly rounded by IEEE 754, so any formula made of them is the same everywhere.
//
// acos/atan2: t = tan(θ/2) ∈ [0, 1] by the half-angle formula, halved twice more by tan(φ/2) = t / (1 + √(1 + t²)) to
// |z| ≤ tan(π/16) ≈ 0.199, then the alternating series atan z = z − z³/3 + z⁵/5 − … to z²³ (the first term left out is
// below z·0.0396¹² ≈ 1.5·10⁻¹⁷ z). Accurate to a few units in the last place (the tests compare with Math.acos).

const TERMS = 12;
const COEF = Array.from({ length: TERMS }, (_, m) => (m % 2 === 0 ? 1 : -1) / (2 * m + 1));

/** atan t for 0 ≤ t ≤ 1. */
function atanUnit(t: number): number {
  let z = t / (1 + Math.sqrt(1 + t * t));
  z = z / (1 + Math.sqrt(1 + z * z));
  const z2 = z * z;
  let p = COEF[TERMS - 1]!;
  for (let m = TERMS - 2; m >= 0; m--) p = p * z2 + COEF[m]!;
  return 4 * z * p;
}

/** arccos c in [0, π] for −1 ≤ c ≤ 1 (NaN outside, as Math.acos). */
export function acos(c: number): number {
  if (!(c >= -1 && c <= 1)) return NaN;
  return c >= 0 ? 2 * atanUnit(Math.sqrt((1 - c) / (1 + c))) : Math.PI - 2 * atanUnit(Math.sqrt((1 + c) / (1 - c)));
}

/** The angle in [0, π] of the point (c, s) with s ≥ 0: atan2(s, c) for the upper half-plane (0 at the origin). */
export function angleOf(s: number, c: number): number {
  const r = Math.sqrt(s * s + c * c);
  if (r === 0) return 0;
  return c >= 0 ? 2 * atanUnit(s / (r + c)) : Math.PI - 2 * atanUnit(s / (r - c));
}

/** 1/j! for j = 0 … 21. */
const INV_FACT = (() => {
  const f = [1];
  for (let j = 1; j <= 21; j++) f.push(f[j - 1]! / j);
  return f;
})();
const PIO2_HI = 1.5707963267948966;
const PIO2_LO = 6.123233995736766e-17;

/**
 * [sin φ, cos φ] for moderate φ (|φ| up to a few thousand): the nearest multiple q of π/2 taken off in two parts, then
 * the Taylor series on |r| ≤ π/4 to r²¹ (the first term left out is below 10⁻¹⁹).
 */
export function sinCos(phi: number): [number, number] {
  const q = Math.round(phi / PIO2_HI);
  const r = phi - q * PIO2_HI - q * PIO2_LO;
  const r2 = r * r;
  let sp = INV_FACT[21]!,
    cp = INV_FACT[20]!;
  for (let j = 19; j >= 1; j -= 2) sp = INV_FACT[j]! - r2 * sp;
  for (let j = 18; j >= 0; j -= 2) cp = INV_FACT[j]! - r2 * cp;
  const sin = r * sp,
    cos = cp;
  switch (((q % 4) + 4) % 4) {
    case 0:
      return [sin, cos];
    case 1:
      return [cos, -sin];
    case 2:
      return [-sin, -cos];
    default:
      return [-cos, sin];
  }
}

/**
 * Natural logarithm of x > 0: x = m·2^e with m in [√½, √2) by exact doublings and halvings, then
 * log m = 2 atanh s with s = (m − 1)/(m + 1), |s| ≤ 0.172, by its series to s²³ (first term left out below 10⁻¹⁸).
 */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  let m = x,
    e = 0;
  while (m < Math.SQRT1_2) {
    m *= 2;
    e--;
  }
  while (m >= Math.SQRT2) {
    m /= 2;
    e++;
  }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let p = 1 / 23;
  for (let j = 21; j >= 1; j -= 2) p = 1 / j + s2 * p;
  return 2 * s * p + e * Math.LN2;
}
