/*
 * Reading a service's schema by introspection and walking the inputs of its mutations: every
 * scalar position an argument has, and a copy of the arguments with one value put in.
 */
import { kindOf, type Kind } from './hostile-values.js';

export interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
export interface InputValue {
  name: string;
  description: string | null;
  type: TypeRef;
  defaultValue: string | null;
}
export interface SchemaType {
  kind: string;
  name: string;
  fields: { name: string; args: InputValue[]; type: TypeRef }[] | null;
  inputFields: InputValue[] | null;
}
export interface Schema {
  queryType: { name: string };
  mutationType: { name: string } | null;
  types: SchemaType[];
}
export interface GraphQLError {
  message: string;
  extensions?: {
    code?: string;
    category?: string;
    field?: string;
    violations?: { field: string; reason: string }[];
  };
}
export interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: GraphQLError[];
}

const TYPE_REF =
  'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
export const INTROSPECTION = `{ __schema {
  queryType { name } mutationType { name }
  types { kind name
    fields { name type { ${TYPE_REF} } args { name description defaultValue type { ${TYPE_REF} } } }
    inputFields { name description defaultValue type { ${TYPE_REF} } } } } }`;

export function unwrap(type: TypeRef): TypeRef {
  return type.kind === 'NON_NULL' && type.ofType ? unwrap(type.ofType) : type;
}

export function printType(type: TypeRef): string {
  if (type.kind === 'NON_NULL' && type.ofType) return `${printType(type.ofType)}!`;
  if (type.kind === 'LIST' && type.ofType) return `[${printType(type.ofType)}]`;
  return type.name ?? '';
}

export interface Leaf {
  readonly path: (string | number)[];
  readonly kind: Kind;
}

/** Every scalar position of the arguments, descending into the nested inputs the base gives. */
export function leavesOf(
  types: Map<string, SchemaType>,
  args: InputValue[],
  base: Record<string, unknown>,
  mutation: string,
): Leaf[] {
  const leaves: Leaf[] = [];
  const visit = (type: TypeRef, value: unknown, path: (string | number)[], field: string) => {
    const t = unwrap(type);
    if (t.kind === 'LIST' && t.ofType) {
      visit(t.ofType, Array.isArray(value) ? value[0] : undefined, [...path, 0], field);
    } else if (t.kind === 'INPUT_OBJECT') {
      if (typeof value !== 'object' || value === null) {
        throw new Error(`${mutation}: the base row must give ${path.join('.')} (a ${t.name})`);
      }
      for (const inner of types.get(t.name ?? '')?.inputFields ?? []) {
        visit(
          inner.type,
          (value as Record<string, unknown>)[inner.name],
          [...path, inner.name],
          inner.name,
        );
      }
    } else if (t.kind === 'SCALAR') {
      const kind = kindOf(t.name ?? '', field);
      if (kind) leaves.push({ path, kind });
    }
  };
  for (const arg of args) visit(arg.type, base[arg.name], [arg.name], arg.name);
  return leaves;
}

export function withValueAt(
  base: Record<string, unknown>,
  path: (string | number)[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(base);
  let container: Record<string | number, unknown> = copy;
  path.forEach((step, index) => {
    if (index === path.length - 1) {
      container[step] = value;
      return;
    }
    const next = path[index + 1];
    if (typeof container[step] !== 'object' || container[step] === null) {
      container[step] = typeof next === 'number' ? [] : {};
    }
    container = container[step] as Record<string | number, unknown>;
  });
  return copy;
}
