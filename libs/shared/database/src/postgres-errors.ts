interface PostgresErrorShape {
  code?: unknown;
  constraint?: unknown;
  driverError?: PostgresErrorShape;
}

function driverError(error: unknown): PostgresErrorShape | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const shape = error as PostgresErrorShape;
  return shape.driverError ?? shape;
}

/** True when the error is a unique violation, optionally of one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = driverError(error);
  return pg?.code === '23505' && (constraint === undefined || pg.constraint === constraint);
}
