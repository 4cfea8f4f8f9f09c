/**
 * "Limited again and again": the first REPEAT_THRESHOLD-th denial of one
 * identifier within one window says true, once. Per server (a repeat seen by
 * one server is enough to record; nothing here must be shared).
 */
export function repeatDetector(threshold: number, windowMs: number, now: () => number = () => Date.now()) {
  const seen = new Map<string, { start: number; count: number }>();
  return (identifier: string): boolean => {
    const t = now();
    if (seen.size > 10_000) for (const [k, v] of seen) if (t - v.start >= windowMs) seen.delete(k);
    let s = seen.get(identifier);
    if (!s || t - s.start >= windowMs) {
      s = { start: t, count: 0 };
      seen.set(identifier, s);
    }
    s.count++;
    return s.count === threshold;
  };
}
