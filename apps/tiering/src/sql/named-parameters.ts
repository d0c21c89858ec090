/**
 * A statement's parameters by name: each name becomes one `$n`, in the order the names are
 * given, so the SQL reads `${p.discountRate}` rather than `$4` and nothing is read by position.
 */
export interface NamedParameters<T extends Record<string, unknown>> {
  /** The placeholder (`$n`) of each parameter, to write into the SQL. */
  readonly ref: { readonly [K in keyof T]: string };
  /** The values, in the order of their placeholders. */
  readonly values: unknown[];
}

export function namedParameters<T extends Record<string, unknown>>(
  parameters: T,
): NamedParameters<T> {
  const names = Object.keys(parameters) as (keyof T & string)[];
  const ref = Object.fromEntries(names.map((name, i) => [name, `$${i + 1}`])) as {
    [K in keyof T]: string;
  };
  return { ref, values: names.map((name) => parameters[name]) };
}
