/**
 * Input contracts from the schemas: every object schema exported from
 * lib/zod/schemas is walked (tests/support/schema-contract.ts), its contract
 * (bounds per field, unknown keys refused or stripped) is pinned in a
 * reviewed snapshot, and every boundary case — max length + 1, min length − 1,
 * a number past either bound, an unknown key next to valid fields — applied
 * to a valid input must be refused with an error on that very field.
 * Loosening a `.max` or dropping `.strict()` changes the snapshot (a review);
 * a bound the schema declares but does not enforce fails the refusal check.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { sampleInput, zodValidator } from '@/tests/proof/sample-input';
import { z as zod } from 'zod';
import { boundaryCases, describeContract, objectContract, UNKNOWN_KEY, type ObjectContract } from '@/tests/support/schema-contract';
import { patchProjectSchema } from './projects';

const DIR = import.meta.dirname;

/** Exported schemas that are not objects (nothing to walk), and why. */
const NOT_OBJECTS: Record<string, string> = {};

async function exportedSchemas(): Promise<{ name: string; schema: z.ZodType }[]> {
  const out: { name: string; schema: z.ZodType }[] = [];
  for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort()) {
    const mod = (await import(path.join(DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (value && typeof value === 'object' && '_zod' in value) out.push({ name: `${file}#${name}`, schema: value as z.ZodType });
    }
  }
  return out;
}

const schemas = await exportedSchemas();
const uuids = Array.from({ length: 4 }, (_, i) => `0000000${i}-0000-4000-8000-000000000000`);

/**
 * A valid input for `schema`, found by the same search the proof suites use;
 * a body that must name at least one field (a PATCH) starts from each field in turn.
 */
async function validInput(schema: z.ZodType, fields: string[]) {
  for (const seed of [{}, ...fields.map((f) => ({ [f]: 'Sample text' }))]) {
    const { input, valid } = await sampleInput(zodValidator(schema), () => uuids, 20, seed);
    if (valid) return input;
  }
  return undefined;
}

/** Boundary cases of `contract` that `schema` accepts, or refuses without naming the field. */
async function refusalProblems(schema: z.ZodType, contract: ObjectContract): Promise<string[]> {
  const base = await validInput(schema, Object.keys(contract.fields));
  if (!base) return ['no valid input found to apply the boundary cases to'];
  const problems: string[] = [];
  for (const c of boundaryCases(contract)) {
    const r = await schema.safeParseAsync({ ...base, ...c.patch });
    if (r.success) {
      problems.push(`${c.label}: accepted`);
      continue;
    }
    const named = r.error.issues.some((i) =>
      c.field === null ? i.code === 'unrecognized_keys' && i.keys.includes(UNKNOWN_KEY) : String(i.path[0]) === c.field,
    );
    if (!named)
      problems.push(`${c.label}: refused, but not for that field (${r.error.issues.map((i) => i.path.join('.') || i.code).join(', ')})`);
  }
  return problems;
}

const snapshot = () =>
  JSON.parse(fs.readFileSync(path.join(DIR, '__snapshots__/contracts.json'), 'utf8')) as Record<string, Record<string, string>>;

describe('input contracts of lib/zod/schemas', () => {
  it('finds the schemas and walks every one (or declares why not)', () => {
    expect(schemas.length).toBeGreaterThan(20);
    const unwalkable = schemas.filter((s) => !objectContract(s.schema)).map((s) => s.name);
    expect(unwalkable.sort()).toEqual(Object.keys(NOT_OBJECTS).sort());
  });

  it('matches the reviewed contract snapshot', async () => {
    const contracts = Object.fromEntries(
      schemas.flatMap((s) => {
        const c = objectContract(s.schema);
        return c ? [[s.name, describeContract(c)]] : [];
      }),
    );
    await expect(`${JSON.stringify(contracts, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/contracts.json');
  });

  it('refuses unknown keys in every PATCH body schema', () => {
    const patches = schemas.filter((s) => /#patch/.test(s.name));
    expect(patches.length).toBeGreaterThanOrEqual(4);
    expect(patches.filter((s) => !objectContract(s.schema)?.strict).map((s) => s.name)).toEqual([]);
  });

  for (const { name, schema } of schemas) {
    const contract = objectContract(schema);
    if (!contract) continue;
    it(`${name}: every boundary case is refused with its field's error`, async () => {
      expect(await refusalProblems(schema, contract)).toEqual([]);
    });
  }
});

describe('negative controls: planted loosened schemas are caught', () => {
  const shape = () => {
    const inner = (patchProjectSchema as unknown as { _zod: { def: { shape?: Record<string, z.ZodType> } } })._zod.def;
    expect(inner.shape).toBeDefined();
    return inner.shape!;
  };

  it('a loosened .max no longer matches the reviewed snapshot', () => {
    const loosened = zod.object({ ...shape(), name: zod.string().trim().min(1).max(2000) }).partial().strict();
    const pinned = snapshot()['projects.ts#patchProjectSchema'];
    expect(pinned).toBeDefined();
    expect(describeContract(objectContract(loosened)!)).not.toEqual(pinned);
    // The real one does match (so the difference above is the planted change).
    expect(describeContract(objectContract(patchProjectSchema)!)).toEqual(pinned);
  });

  it('a PATCH schema without .strict() lets an unknown key through, and its contract says "stripped"', async () => {
    const stripped = zod.object(shape()).partial();
    const contract = objectContract(stripped)!;
    expect(contract.strict).toBe(false);
    expect(describeContract(contract)['(unknown keys)']).not.toEqual(snapshot()['projects.ts#patchProjectSchema']!['(unknown keys)']);
    // Taken as if it were still strict, the unknown-key case is accepted: the refusal check reports it.
    expect(await refusalProblems(stripped, { ...contract, strict: true })).toEqual([`unknown key ${UNKNOWN_KEY}: accepted`]);
  });

  it('a declared .max that a preprocess quietly works around is reported as accepted', async () => {
    const truncating = zod.object({
      note: zod.preprocess((v) => (typeof v === 'string' ? v.slice(0, 20) : v), zod.string().max(20)),
    });
    expect(await refusalProblems(truncating, objectContract(truncating)!)).toEqual(['note: 21 characters: accepted']);
  });

  it('a bound enforced on another field than the one it belongs to is reported', async () => {
    const misplaced = zod.object({ a: zod.string(), b: zod.string() }).superRefine((v, ctx) => {
      if (v.a.length > 20) ctx.addIssue({ code: 'custom', path: ['b'], message: 'too long' });
    });
    const contract = objectContract(misplaced)!;
    contract.fields.a = { ...contract.fields.a!, maxLength: 20 };
    expect(await refusalProblems(misplaced, contract)).toEqual(['a: 21 characters: refused, but not for that field (b)']);
  });
});
