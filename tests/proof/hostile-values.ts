/**
 * fast-check arbitraries for what an attacker or a broken client sends:
 * wrong types, huge strings, unicode edge cases, SQL/HTML/JS payloads,
 * malformed UUIDs, negative and enormous numbers, deep JSON.
 */
import fc from 'fast-check';
import type { Json } from './sample-input';

const payloads = [
  "'; drop table projects; --",
  "' or '1'='1",
  '1; select pg_sleep(5)',
  "org_a'); select set_config('app.current_org','x',false); --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  'nul\u0000inside',
  '\u202etxt.exe',
  '\ud800',
  '🏗️👷‍♀️🌧️',
  'Z̷̢̛̛̖̹͓̞̦͍̣͓̮̝̱̘̗̹͉̤̲̜̞͇̊',
  '\r\n\t\f\v',
  ' ',
  '',
];

const uuidish = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '3f1c2a9e-7b1d-4c55-9a8e-2f6b3f0b9d1g',
    '3f1c2a9e7b1d4c559a8e2f6b3f0b9d11',
    '{3f1c2a9e-7b1d-4c55-9a8e-2f6b3f0b9d11}',
    '3f1c2a9e-7b1d-4c55-9a8e-2f6b3f0b9d11; --',
    'null',
    'undefined',
  ),
);

const numbers = fc.oneof(
  fc.constantFrom(-1, 0, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 31) - 1, 0.1 + 0.2, 1e-300),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const strings = fc.oneof(
  fc.constantFrom(...payloads),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('x'.repeat(100_000), '🏗'.repeat(20_000)),
  fc.constantFrom('2026-02-30', '2026-13-01', '9999-12-31T23:59:59Z', '0000-01-01', '1e3', '0x10', 'NaN', 'Infinity', '-1'),
);

/** Deep nesting: parsers and validators must not fall over (stack) or 500. */
const deep = fc.integer({ min: 50, max: 2000 }).map((depth) => {
  let v: Json = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
});

export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: strings },
  { weight: 2, arbitrary: numbers },
  { weight: 2, arbitrary: uuidish },
  { weight: 1, arbitrary: fc.constantFrom<Json>(null, true, false, [], {}, [null], { __proto__: { admin: true } } as Json) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  { weight: 1, arbitrary: deep },
);

/**
 * An input shaped like a valid one (same keys, so validation has something to
 * chew on) with some fields replaced by hostile values, plus stray keys.
 */
export function hostileInput(valid: Record<string, Json>): fc.Arbitrary<Record<string, Json>> {
  const keys = Object.keys(valid);
  const replaced = keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, fc.option(hostileValue, { nil: undefined, freq: 2 })]))).map((r) => {
        const out: Record<string, Json> = { ...valid };
        for (const [k, v] of Object.entries(r)) if (v !== undefined) out[k] = v as Json;
        return out;
      })
    : fc.constant<Record<string, Json>>({});
  const strayKey = fc.oneof(fc.constantFrom('organizationId', 'id', '__proto__', 'constructor', 'status', 'role'), fc.string({ maxLength: 20 }));
  return fc.tuple(replaced, fc.dictionary(strayKey, hostileValue, { maxKeys: 3 })).map(
    ([base, extra]) => ({ ...base, ...extra }),
  );
}

/** Raw request bodies that are not even valid JSON objects. */
export const hostileBody = fc.oneof(
  fc.constantFrom('', 'null', '[]', '"string"', '12', '{', '{"a":', '\u0000', 'x'.repeat(200_000), '{"__proto__":{"x":1}}'),
  fc.string({ maxLength: 200 }),
);
