import { ArgsType, Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { IsBase64, IsOptional, MaxLength } from 'class-validator';
import { DomainError } from '@gap/errors';
import { MAX_PAGE_SIZE } from './arg-rules.js';
import { BoundsRule } from './input-rules.js';

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    defaultValue: 20,
    description: `How many: 1 to ${MAX_PAGE_SIZE} (at most ${MAX_PAGE_SIZE}).`,
  })
  @BoundsRule({ min: 1, max: MAX_PAGE_SIZE, integer: true })
  first = 20;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @MaxLength(1000)
  @IsBase64({ urlSafe: true })
  after?: string;
}

/** Every subgraph's connections page the same way: the type is shared across the graph. */
@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** A Relay connection type for `node`: `XConnection { edges { cursor node } pageInfo }`. */
export function ConnectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field() cursor!: string;
    @Field(() => node) node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeType]) edges!: Edge<T>[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

/** Cursors are opaque to clients: the keyset position, base64url-encoded. */
export function encodeCursor(position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): (string | number)[] {
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(position) &&
      position.every((p) => typeof p === 'string' || typeof p === 'number')
    ) {
      return position;
    }
  } catch {
    // fall through to the coded error below
  }
  throw DomainError.invalidInput([
    { field, reason: 'cursor', message: `${field} is not a cursor this API gave out.` },
  ]);
}

/** Builds a page from `first + 1` rows: the extra row only says whether there is more. */
export function toConnection<T>(
  rows: readonly T[],
  first: number,
  position: (row: T) => (string | number)[],
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(position(node)) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
