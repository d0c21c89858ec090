import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type as TransformTo } from 'class-transformer';
import { IsBase64, IsOptional, MaxLength } from 'class-validator';
import { BoundsRule, MAX_PAGE_SIZE, type Connection } from '@gap/graphql';

/** `?first=&after=`: the same keyset paging as the graph's connections, the same limits. */
export class PageQuery {
  @ApiPropertyOptional({
    description: `How many items: 1 to ${MAX_PAGE_SIZE} (at most ${MAX_PAGE_SIZE}).`,
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: 20,
    type: 'integer',
  })
  // A query string is text: the number is read before it is checked.
  @TransformTo(() => Number)
  @BoundsRule({ min: 1, max: MAX_PAGE_SIZE, integer: true })
  first = 20;

  @ApiPropertyOptional({ description: 'The `endCursor` of the previous page.' })
  @IsOptional()
  @MaxLength(1000)
  @IsBase64({ urlSafe: true })
  after?: string;
}

@ApiSchema({ name: 'PageInfo' })
export class PageInfoResource {
  @ApiProperty() hasNextPage!: boolean;

  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

export interface Page<T> {
  readonly items: T[];
  readonly pageInfo: PageInfoResource;
}

/** A page of `T` as REST answers it: the connection's nodes, in order, and where to go on. */
export function pageOf<E, T>(connection: Connection<E>, toResource: (node: E) => T): Page<T> {
  return {
    items: connection.edges.map((edge) => toResource(edge.node)),
    pageInfo: connection.pageInfo,
  };
}

/** The OpenAPI schema class of a page of `resource`, named `<name>Page`. */
export function PageType<T>(resource: Type<T>, name: string): Type<Page<T>> {
  @ApiSchema({ name: `${name}Page`, description: `A page of ${name} items.` })
  class PageClass {
    @ApiProperty({ type: [resource] }) items!: T[];
    @ApiProperty({ type: PageInfoResource }) pageInfo!: PageInfoResource;
  }
  return PageClass;
}
