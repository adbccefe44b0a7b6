/**
 * Helpers over sorted lists: the glob index's ascending index lists, merged without repeats,
 * and binary search in the sorted listing.
 */

/** The union of ascending index lists, ascending and without repeats. */
export function union(parts: readonly (readonly number[])[]): readonly number[] {
  const nonEmpty = parts.filter((p) => p.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length > 2) {
    // Many large lists (every source extension at once): mark them, then read the marks in order.
    let max = 0;
    let total = 0;
    for (const p of nonEmpty) {
      total += p.length;
      max = Math.max(max, p[p.length - 1] as number);
    }
    if (total > 4096) {
      const marks = new Uint8Array(max + 1);
      for (const p of nonEmpty) for (let k = 0; k < p.length; k++) marks[p[k] as number] = 1;
      const out: number[] = [];
      for (let i = 0; i <= max; i++) if (marks[i] === 1) out.push(i);
      return out;
    }
  }
  let acc = nonEmpty[0] as readonly number[];
  for (let k = 1; k < nonEmpty.length; k++) acc = merge(acc, nonEmpty[k] as readonly number[]);
  return acc;
}

function merge(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x < y) {
      out.push(x);
      i++;
    } else if (y < x) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
      j++;
    }
  }
  while (i < a.length) out.push(a[i++] as number);
  while (j < b.length) out.push(b[j++] as number);
  return out;
}

/** The first index of a sorted list whose value is not below `target` (code-unit order). */
export function lowerBound(sorted: readonly string[], target: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? "") < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
