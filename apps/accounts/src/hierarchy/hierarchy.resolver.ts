import {
  Args,
  Field,
  Float,
  Int,
  Mutation,
  ObjectType,
  Parent,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { PageArgs, type Connection } from '@gap/graphql';
import { MoveGroupAccountInput } from '../group-account/dto/group-account.inputs.js';
import { GroupAccount, GroupAccountConnection } from '../group-account/dto/group-account.type.js';
import type { GroupAccountEntity } from '../group-account/group-account.entity.js';
import { HierarchyService, type HierarchyRollup } from './hierarchy.service.js';
import { MoveGroupAccountService } from './move-group-account.service.js';

@ObjectType({ description: 'Counts and totals over an account and everything below it.' })
export class HierarchyRollupType {
  @Field(() => Int) children!: number;
  @Field(() => Int) descendants!: number;
  @Field(() => Int, { description: 'Levels below this account; 0 for a leaf.' })
  levelsBelow!: number;
  @Field(() => Float) employees!: number;
  @Field(() => Float) lines!: number;
  @Field(() => Int, { description: 'Active accounts, this one included.' }) active!: number;
}

@Resolver(() => GroupAccount)
export class HierarchyResolver {
  constructor(
    private readonly hierarchy: HierarchyService,
    private readonly moving: MoveGroupAccountService,
  ) {}

  @Mutation(() => GroupAccount, {
    description: 'Moves an account with everything below it; cycles are refused.',
  })
  moveGroupAccount(
    @CurrentCaller() caller: Caller,
    @Args('input') input: MoveGroupAccountInput,
  ): Promise<GroupAccountEntity> {
    return this.moving.move(caller, input.id, input.parentId ?? null);
  }

  @ResolveField(() => [GroupAccount], {
    description: 'From the head of the group down to the parent (those you may see).',
  })
  ancestors(
    @CurrentCaller() caller: Caller,
    @Parent() account: GroupAccountEntity,
  ): Promise<GroupAccountEntity[]> {
    return this.hierarchy.ancestors(caller, account);
  }

  @ResolveField(() => GroupAccount, { nullable: true })
  parent(
    @CurrentCaller() caller: Caller,
    @Parent() account: GroupAccountEntity,
  ): Promise<GroupAccountEntity | null> {
    return this.hierarchy.parent(caller, account);
  }

  @ResolveField(() => GroupAccount, {
    nullable: true,
    description: 'The head of the group this account belongs to (itself for a head).',
  })
  groupHead(
    @CurrentCaller() caller: Caller,
    @Parent() account: GroupAccountEntity,
  ): Promise<GroupAccountEntity | null> {
    return this.hierarchy.head(caller, account);
  }

  @ResolveField(() => GroupAccountConnection)
  children(
    @CurrentCaller() caller: Caller,
    @Parent() account: GroupAccountEntity,
    @Args() page: PageArgs,
  ): Promise<Connection<GroupAccountEntity>> {
    return this.hierarchy.children(caller, account, page.first, page.after);
  }

  @ResolveField(() => GroupAccountConnection, {
    description: 'Everything below the account, any depth, in tree order.',
  })
  descendants(
    @CurrentCaller() caller: Caller,
    @Parent() account: GroupAccountEntity,
    @Args() page: PageArgs,
  ): Promise<Connection<GroupAccountEntity>> {
    return this.hierarchy.descendants(caller, account, page.first, page.after);
  }

  @ResolveField(() => HierarchyRollupType)
  rollup(
    @CurrentCaller() caller: Caller,
    @Parent() account: GroupAccountEntity,
  ): Promise<HierarchyRollup> {
    return this.hierarchy.rollup(caller, account);
  }
}
