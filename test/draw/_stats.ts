// Chi-square upper tail P(X ≥ x) for df degrees of freedom: regularized upper incomplete gamma Q(df/2, x/2)
// (series for x < a + 1, Lentz continued fraction otherwise; Numerical Recipes §6.2).
function logGamma(z: number): number {
  const g = [76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5];
  let x = z;
  let y = z;
  let tmp = x + 5.5;
  tmp -= (x + 0.5) * Math.log(tmp);
  let ser = 1.000000000190015;
  for (const c of g) ser += c / ++y;
  return -tmp + Math.log((2.5066282746310005 * ser) / x);
}

function upperGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return 1 - sum * front;
  }
  let b = x + 1 - a;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return front * h;
}

/** P(χ²_df ≥ x). */
export function chiSquareTail(x: number, df: number): number {
  return upperGamma(df / 2, x / 2);
}

/** Pearson's statistic against equal expected counts. */
export function chiSquareUniform(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const e = total / counts.length;
  return counts.reduce((s, o) => s + ((o - e) * (o - e)) / e, 0);
}

/**
 * Inclusion counts of N entities over R draws of fixed size k: the indicators sum to k in every draw, so the
 * covariance is p(1−p)·N/(N−1)·(I − J/N) and X² = Σ(O−E)²·(N−1)/(N·R·p(1−p)) is χ² with N−1 df.
 */
export function chiSquareInclusion(counts: readonly number[], draws: number, k: number): number {
  const N = counts.length;
  const p = k / N;
  const e = draws * p;
  const ss = counts.reduce((s, o) => s + (o - e) * (o - e), 0);
  return (ss * (N - 1)) / (N * draws * p * (1 - p));
}
