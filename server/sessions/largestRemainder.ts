/**
 * Largest remainder (Hamilton) rounding: whole numbers in proportion to `values` that add up to
 * exactly `total`. Each gets the whole part of its quota; the units left over go to the largest
 * remainders. Equal remainders (within rounding noise of the quotas) go to the larger value, and
 * then to the earlier position, so the same values always give the same result.
 */

/** Quotas closer than this count as equal: they come from sums of averages, not exact fractions. */
const TIE = 1e-9;

export function largestRemainder(values: readonly number[], total: number): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError('total must be a whole number of at least 0');
  if (values.some((v) => !Number.isFinite(v) || v < 0)) throw new RangeError('values must be finite and not negative');
  const sum = values.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new RangeError('values must not all be 0');
  const quotas = values.map((v) => (v / sum) * total);
  // A quota a hair below a whole number (99.99999999) is that whole number.
  const floors = quotas.map((q) => Math.floor(q + TIE));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((quota, index) => ({ index, quota, remainder: quota - floors[index]! }))
    .sort((a, b) => {
      if (Math.abs(b.remainder - a.remainder) > TIE) return b.remainder - a.remainder;
      if (Math.abs(b.quota - a.quota) > TIE) return b.quota - a.quota;
      return a.index - b.index;
    });
  const result = [...floors];
  for (const { index } of order) {
    if (left <= 0) break;
    result[index]! += 1;
    left -= 1;
  }
  return result;
}
