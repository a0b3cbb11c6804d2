/**
 * The `p` quantile of ascending `sorted` values by linear interpolation between order
 * statistics (Hyndman and Fan type 7: R's default, numpy's `linear`); `null` when empty.
 */
export function quantileSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (h - below) * (high - low);
}
