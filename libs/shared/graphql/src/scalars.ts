import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { DomainError } from '@gap/errors';
import { fenProblemMessage, MAX_FEN, parseFen } from '@gap/validation';

/**
 * Thrown from the scalar, which does not know where its value sits: GraphQL puts the variable
 * path in its message and the error mapping reads the field back from there.
 */
function refused(value: unknown): number {
  const parsed = parseFen(value);
  if ('fen' in parsed) return parsed.fen;
  throw DomainError.invalidInput([
    { field: '', reason: parsed.problem, message: fenProblemMessage('The amount', parsed.problem) },
  ]);
}

function literal(ast: ValueNode): unknown {
  if (ast.kind === Kind.INT || ast.kind === Kind.STRING)
    return ast.kind === Kind.INT ? Number(ast.value) : ast.value;
  return undefined;
}

/**
 * Money in fen (分): a whole number, sent to clients as a decimal string so that no client
 * parses it into a double and loses a fen; read from a string of digits or an integer.
 */
export const FenScalar = new GraphQLScalarType({
  name: 'Fen',
  description: `An amount of money in fen (0.01 CNY): a whole number written as a string of digits, e.g. "123456" for ¥1,234.56. Accepted as such a string or as an integer, within ±${MAX_FEN}. Display in yuan is left to clients.`,
  serialize(value: unknown): string {
    const parsed = parseFen(value);
    if ('fen' in parsed) return String(parsed.fen);
    // A service handing out a fraction of a fen is a bug of ours, not the client's.
    throw new TypeError(`Fen cannot represent ${String(value)}`);
  },
  parseValue: refused,
  parseLiteral: (ast) => refused(literal(ast)),
});

/** An instant as ISO 8601: a date, a time and an offset (`Z` or `±hh:mm`). */
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** The years an instant of the platform's business falls in. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

function instantRefused(reason: string, message: string): never {
  throw DomainError.invalidInput([{ field: '', reason, message }]);
}

/** Reads an instant strictly: no 30 February rolled over into March, no year 0 or 9999. */
export function parseInstant(value: unknown): Date {
  if (typeof value !== 'string') {
    return instantRefused('NOT_A_DATE_TIME', 'A date and time is written as ISO 8601 text.');
  }
  const match = INSTANT.exec(value);
  if (!match) {
    return instantRefused(
      'NOT_A_DATE_TIME',
      'Not a date and time: write ISO 8601 with an offset, e.g. 2026-12-03T09:30:00+08:00.',
    );
  }
  // Seconds may be left out (NaN): 09:30Z is 09:30:00Z.
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const valid =
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    (Number.isNaN(second) || second < 60);
  if (!valid) return instantRefused('NOT_A_DATE_TIME', `${value} is not a date and time.`);
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    return instantRefused(
      'DATE_OUT_OF_RANGE',
      `The year must be between ${FIRST_YEAR} and ${LAST_YEAR}.`,
    );
  }
  return new Date(value);
}

/**
 * The platform's `DateTime`: served as ISO 8601 in UTC as before, and read strictly (see
 * `parseInstant`) so that an impossible or absurd instant is refused at the edge, naming its
 * field, rather than stored or failing in the database.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description:
    'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  serialize(value: unknown): string {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime()))
      throw new TypeError(`DateTime cannot represent ${String(value)}`);
    return date.toISOString();
  },
  parseValue: parseInstant,
  parseLiteral: (ast) => parseInstant(ast.kind === Kind.STRING ? ast.value : undefined),
});
