import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationTypes } from 'class-validator';
import fc from 'fast-check';
import { EVENT_CATALOG, type EventType } from './catalog.js';
import { passesReceivedContract } from './compiled-check.js';

type Contract = new () => object;

/** What class-validator itself says of a received payload: the answer to agree with. */
function classValidatorPasses(contract: Contract, payload: object): boolean {
  const errors = validateSync(plainToInstance(contract, payload), { whitelist: true });
  return errors.length === 0;
}

/** Values of every JSON shape, and the near-misses a producer's bug would send. */
const POOL: readonly unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'x',
  'A',
  'E9101',
  '3501',
  '350100',
  '2026-12',
  '0',
  '100',
  '-100',
  '12.5',
  '2026-12-02',
  '2026-12-02T08:00:00.000Z',
  '2026-02-30',
  randomUUID(),
  'not-a-uuid',
  '91350100M000100Y5Q',
  0,
  1,
  2,
  -1,
  1.5,
  1_000_000,
  true,
  false,
  [],
  [randomUUID()],
  ['x'],
  [1],
  {},
];

/** Each property's candidates: the pool, and the values its `@IsIn` lists allow. */
function candidates(contract: Contract): Map<string, unknown[]> {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(
    contract,
    '',
    false,
    false,
    undefined,
  );
  const byProperty = new Map<string, unknown[]>();
  for (const metadata of metadatas) {
    const own = byProperty.get(metadata.propertyName) ?? [...POOL];
    const allowed: unknown = (metadata.constraints as unknown[] | undefined)?.[0];
    if (metadata.name === 'isIn' && Array.isArray(allowed)) own.push(...(allowed as unknown[]));
    byProperty.set(metadata.propertyName, own);
  }
  return byProperty;
}

/** The candidates a property accepts on its own, to make whole payloads that pass. */
function acceptedAlone(contract: Contract, property: string, values: unknown[]): unknown[] {
  return values.filter((value) => {
    const errors = validateSync(plainToInstance(contract, { [property]: value }), {
      whitelist: true,
    });
    return !errors.some((error) => error.property === property);
  });
}

const types = Object.keys(EVENT_CATALOG) as EventType[];

describe('passesReceivedContract: the compiled check agrees with class-validator', () => {
  it.each(types)('%s', (type) => {
    const contract = EVENT_CATALOG[type].payload as Contract;
    const properties = candidates(contract);
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [property, values] of properties) {
      const accepted = acceptedAlone(contract, property, values);
      record[property] =
        accepted.length > 0
          ? fc.oneof(
              { weight: 6, arbitrary: fc.constantFrom(...accepted) },
              { weight: 1, arbitrary: fc.constantFrom(...values) },
            )
          : fc.constantFrom(...values);
    }
    let passing = 0;
    fc.assert(
      fc.property(fc.record(record), fc.boolean(), (drawn, extraField) => {
        const payload: Record<string, unknown> = Object.fromEntries(
          Object.entries(drawn).filter(([, value]) => value !== undefined),
        );
        if (extraField) payload['addedByANewerProducer'] = 'x';
        const expected = classValidatorPasses(contract, payload);
        const compiled = passesReceivedContract(type, payload);
        if (expected) passing += 1;
        return compiled === null || compiled === expected;
      }),
      { numRuns: 300, seed: 20261203 },
    );
    // The draw must reach payloads that pass, or agreement would be checked on refusals only.
    if (passesReceivedContract(type, {}) !== null) expect(passing).toBeGreaterThan(0);
  });

  it('compiles every contract but those with nested payloads, which class-validator checks', () => {
    const nested = types.filter((type) =>
      getMetadataStorage()
        .getTargetValidationMetadatas(EVENT_CATALOG[type].payload as Contract, '', false, false)
        .some((metadata) => metadata.type === ValidationTypes.NESTED_VALIDATION),
    );
    const fallbacks = types.filter((type) => passesReceivedContract(type, {}) === null);
    expect(fallbacks).toEqual(nested);
    expect(fallbacks.length).toBeLessThan(types.length / 4);
  });
});
