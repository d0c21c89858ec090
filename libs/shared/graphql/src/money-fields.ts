import { Field, type FieldMiddleware, type FieldOptions } from '@nestjs/graphql';
import { yuanToFen } from '@gap/validation';
import { FenScalar } from './scalars.js';

/** Yuan computed in double precision, handed to clients as whole fen (see yuanToFen). */
const yuanAsFen: FieldMiddleware = async (_context, next) => {
  const value: unknown = await next();
  return typeof value === 'number' ? yuanToFen(value) : value;
};

type MoneyOptions = Omit<FieldOptions, 'middleware'> & {
  /** The unit the object holds the amount in: `fen` as stored, or `yuan` as a service computed it. */
  readonly holds: 'fen' | 'yuan';
};

/**
 * An amount of money on an object type, always exposed as `Fen`. A service computing in yuan
 * keeps its unit; the conversion and its rounding happen here, once, at the edge.
 */
export function MoneyField({ holds, ...options }: MoneyOptions): PropertyDecorator {
  return Field(() => FenScalar, {
    ...options,
    ...(holds === 'yuan' ? { middleware: [yuanAsFen] } : {}),
  });
}
