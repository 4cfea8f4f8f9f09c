import superjson from 'superjson';

/**
 * Cached values go through superjson, not JSON: a Date comes back a Date and a
 * bigint a bigint (JSON would give a string and throw). The same text is
 * stored by both backends, so the in-memory one can't hide a value Redis
 * would mangle.
 */
export function serialize(value: unknown): string {
  return superjson.stringify(value);
}

export function deserialize<T>(text: string): T {
  return superjson.parse<T>(text);
}
