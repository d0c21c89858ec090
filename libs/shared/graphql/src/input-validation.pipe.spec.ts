import 'reflect-metadata';
import { ArgsType, Field, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { DomainError } from '@gap/errors';
import { BoundsRule, CalendarDateRule, FenAsYuanRule, TextRules, UuidRule } from './input-rules.js';
import { InputValidationPipe } from './input-validation.pipe.js';

class ContactInput {
  @IsString() @TextRules({ maxLength: 20 }) name!: string;
  @IsOptional() @CalendarDateRule() birthday?: string;
}

class AccountInput {
  @UuidRule() id!: string;
  @IsString() @TextRules({ maxLength: 10 }) name!: string;
  @IsOptional() @TextRules({ maxLength: 5, each: true }) tags?: string[];
  @IsOptional() @BoundsRule({ min: 0, max: 100, integer: true }) employees?: number;
  @IsOptional() @FenAsYuanRule() wallet?: number;
  @IsOptional() @ValidateNested() @Type(() => ContactInput) contact?: ContactInput;
}

/** A page of a list, as `@Args()` reads it beside `@Args('filter')` or `@UuidArg('partnerId')`. */
@ArgsType()
class PageOfArgs {
  @Field(() => Int) @BoundsRule({ min: 1, max: 100, integer: true }) first = 20;
}

/** A REST body as its OpenAPI schema documents it. */
class LineBody {
  @ApiProperty() @TextRules({ maxLength: 10 }) code!: string;
}
class OrderBody {
  @ApiProperty() @TextRules({ maxLength: 10 }) name!: string;
  @ApiPropertyOptional() @IsOptional() @TextRules({ maxLength: 10 }) note?: string;
  @ApiProperty({ type: [String], default: [] })
  @TextRules({ maxLength: 5, each: true })
  tags: string[] = [];
  @ApiProperty({ type: [LineBody] })
  @ValidateNested({ each: true })
  @Type(() => LineBody)
  lines!: LineBody[];
}

const pipe = new InputValidationPipe();
const ID = '0b6c1a52-4d7e-4f0a-9c55-2d6f3f1e0001';

async function violations(value: unknown, data = 'input'): Promise<[string, string][]> {
  try {
    await pipe.transform(value, { type: 'body', metatype: AccountInput, data });
  } catch (error) {
    if (error instanceof DomainError) return error.violations.map((v) => [v.field, v.reason]);
    throw error;
  }
  return [];
}

describe('the input validation pipe', () => {
  it('hands the service normalised text and fen converted to yuan', async () => {
    const input = (await pipe.transform(
      { id: ID, name: '  Cafe\u0301 ', tags: [' a '], wallet: 12345 },
      { type: 'body', metatype: AccountInput, data: 'input' },
    )) as AccountInput;
    expect(input).toMatchObject({ name: 'Café', tags: ['a'], wallet: 123.45 });
  });

  it.each([
    [{ name: '\u200B\u200D' }, 'input.name', 'INVISIBLE_ONLY'],
    [{ name: 'a\u202Eb' }, 'input.name', 'BIDI_CONTROL'],
    [{ name: '长'.repeat(11) }, 'input.name', 'TOO_LONG'],
    [{ name: '   ' }, 'input.name', 'EMPTY'],
    [{ tags: ['ok', '\u200B'] }, 'input.tags', 'INVISIBLE_ONLY'],
    [{ id: 'not-a-uuid' }, 'input.id', 'NOT_A_UUID'],
    [{ employees: -1 }, 'input.employees', 'TOO_SMALL'],
    [{ employees: 101 }, 'input.employees', 'TOO_LARGE'],
    [{ wallet: -1 }, 'input.wallet', 'TOO_SMALL'],
    [{ contact: { name: '\u2060\u200B' } }, 'input.contact.name', 'INVISIBLE_ONLY'],
    [{ contact: { name: '\uFEFF ' } }, 'input.contact.name', 'EMPTY'],
    [
      { contact: { name: 'x', birthday: '0000-01-01' } },
      'input.contact.birthday',
      'DATE_OUT_OF_RANGE',
    ],
    [{ contact: { name: 'x', birthday: '2026-02-30' } }, 'input.contact.birthday', 'NOT_A_DATE'],
  ])('refuses %j naming %s (%s)', async (change, field, reason) => {
    expect(await violations({ id: ID, name: '厦门', ...change })).toEqual([[field, reason]]);
  });

  it('refuses half a surrogate pair or a NUL anywhere, even in a plain argument', async () => {
    expect(await violations({ id: ID, name: 'ok', tags: ['x\uD800'] })).toEqual([
      ['input.tags.0', 'LONE_SURROGATE'],
    ]);
    await expect(
      pipe.transform('a\u0000', { type: 'body', metatype: String, data: 'policyVersion' }),
    ).rejects.toMatchObject({ field: 'policyVersion', code: 'INVALID_INPUT' });
  });

  it('leaves an optional input object that was left out alone', async () => {
    await expect(
      pipe.transform(null, { type: 'body', metatype: AccountInput, data: 'scope' }),
    ).resolves.toBeNull();
  });

  it('takes its own fields from all of a field’s arguments for an args class, and refuses unknown ones of an input', async () => {
    const args = (await pipe.transform(
      { first: 5, filter: { states: ['OPEN'] }, partnerId: ID },
      { type: 'body', metatype: PageOfArgs, data: undefined },
    )) as PageOfArgs & { filter?: unknown };
    expect(args).toMatchObject({ first: 5 });
    expect(args.filter).toBeUndefined();
    await expect(
      pipe.transform({ first: 500 }, { type: 'body', metatype: PageOfArgs, data: undefined }),
    ).rejects.toMatchObject({ field: 'first' });
    expect(await violations({ id: ID, name: '厦门', ownerId: 'E1' })).toEqual([
      ['input.ownerId', 'unknownField'],
    ]);
    // A REST body is the whole request body: an unknown field is refused there.
    await expect(
      pipe.transform(
        { id: ID, name: '厦门', ownerId: 'E1' },
        { type: 'body', metatype: AccountInput, data: undefined },
      ),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('refuses by name what a REST body’s schema requires and the body leaves out, nested too', async () => {
    const refused = async (value: unknown) => {
      try {
        await pipe.transform(value, { type: 'body', metatype: OrderBody, data: '' });
        return [];
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return error.violations.map((v) => [v.field, v.reason]);
      }
    };
    expect(await refused({})).toEqual([
      ['name', 'REQUIRED'],
      ['lines', 'REQUIRED'],
    ]);
    expect(await refused({ name: 'x', lines: [{ code: 'A' }, {}] })).toEqual([
      ['lines.1.code', 'REQUIRED'],
    ]);
    // `tags` has a value of the class's own: leaving it out is not an error.
    expect(await refused({ name: 'x', lines: [], note: 'n' })).toEqual([]);
    expect(await refused({ name: null, lines: [] })).toEqual([['name', 'REQUIRED']]);
  });
});
