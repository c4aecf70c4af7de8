// Exact non-negative fractions over BigInt (DESIGN.md decision 7: no floats for sizes). Internal: never exported.

/** Greatest common divisor of two non-negative BigInts. */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** A non-negative fraction with a positive denominator. */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

/** The fraction reduced to lowest terms (0 is 0/1). */
export function reduce(n: bigint, d: bigint): Fraction {
  if (n === 0n) return { n: 0n, d: 1n };
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
}

/** Floor of n/d for non-negative n and positive d. */
export function floorDiv(n: bigint, d: bigint): bigint {
  return n / d;
}

/** Ceiling of n/d for non-negative n and positive d. */
export function ceilDiv(n: bigint, d: bigint): bigint {
  return (n + d - 1n) / d;
}

/** n/d rounded half up (0.5 → 1) for non-negative n and positive d. */
export function halfUpDiv(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/** Sign of a/b − c/d. */
export function compareFractions(a: Fraction, b: Fraction): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** a + b. */
export function fadd(a: Fraction, b: Fraction): Fraction {
  return reduce(a.n * b.d + b.n * a.d, a.d * b.d);
}

/** a − b (callers keep it non-negative). */
export function fsub(a: Fraction, b: Fraction): Fraction {
  return reduce(a.n * b.d - b.n * a.d, a.d * b.d);
}

/** a × b. */
export function fmul(a: Fraction, b: Fraction): Fraction {
  return reduce(a.n * b.n, a.d * b.d);
}

/** a ÷ b for b ≠ 0. */
export function fdiv(a: Fraction, b: Fraction): Fraction {
  return reduce(a.n * b.d, a.d * b.n);
}

/** The integer n as a fraction. */
export function fint(n: bigint | number): Fraction {
  return { n: BigInt(n), d: 1n };
}

/** x clamped into [lo, hi]. */
export function fclamp(x: Fraction, lo: Fraction, hi: Fraction): Fraction {
  if (compareFractions(x, lo) < 0) return lo;
  if (compareFractions(x, hi) > 0) return hi;
  return x;
}
