import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { type Connection, PageArgs, UuidArg } from '@gap/graphql';
import { GroupAccount, GroupAccountConnection } from '../group-account/dto/group-account.type.js';
import type { GroupAccountEntity } from '../group-account/group-account.entity.js';
import { FindGroupAccountsService } from '../group-account/find-group-accounts.service.js';
import { IndustryAssociationService } from './industry-association.service.js';
import { IndustryClusterService } from './industry-cluster.service.js';
import {
  AssociationMembersInput,
  ClusterMembersInput,
  ClusterMembership,
  CreateIndustryAssociationInput,
  CreateIndustryClusterInput,
  IndustryAssociation,
  IndustryAssociationConnection,
  IndustryCluster,
  IndustryClusterConnection,
} from './clusters.types.js';

@Resolver(() => IndustryCluster)
export class IndustryClusterResolver {
  constructor(
    private readonly clusters: IndustryClusterService,
    private readonly accounts: FindGroupAccountsService,
  ) {}

  @Mutation(() => IndustryCluster)
  createIndustryCluster(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CreateIndustryClusterInput,
  ): Promise<IndustryCluster> {
    return this.clusters.createCluster(caller, input);
  }

  @Mutation(() => IndustryCluster)
  addClusterSupporters(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ClusterMembersInput,
  ): Promise<IndustryCluster> {
    return this.clusters.addSupporters(caller, input.clusterId, input.accountIds);
  }

  @Mutation(() => IndustryCluster)
  removeClusterSupporters(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ClusterMembersInput,
  ): Promise<IndustryCluster> {
    return this.clusters.removeSupporters(caller, input.clusterId, input.accountIds);
  }

  @Query(() => IndustryCluster)
  industryCluster(
    @CurrentCaller() caller: Caller,
    @UuidArg('id') id: string,
  ): Promise<IndustryCluster> {
    return this.clusters.cluster(caller, id);
  }

  @Query(() => IndustryClusterConnection)
  industryClusters(
    @CurrentCaller() caller: Caller,
    @Args() page: PageArgs,
  ): Promise<Connection<IndustryCluster>> {
    return this.clusters.clusters(caller, page.first, page.after);
  }

  @ResolveField(() => GroupAccount, { nullable: true, description: 'Null if you may not see it.' })
  async leader(
    @CurrentCaller() caller: Caller,
    @Parent() cluster: IndustryCluster,
  ): Promise<GroupAccountEntity | null> {
    const found = await this.accounts.getMany(caller, [cluster.leaderAccountId]);
    return found.get(cluster.leaderAccountId) ?? null;
  }

  @ResolveField(() => GroupAccountConnection, { description: 'The supporters you may see.' })
  supporters(
    @CurrentCaller() caller: Caller,
    @Parent() cluster: IndustryCluster,
    @Args() page: PageArgs,
  ): Promise<Connection<GroupAccountEntity>> {
    return this.accounts.search(caller, {
      first: page.first,
      after: page.after,
      filter: { clusterId: cluster.id },
    });
  }
}

@Resolver(() => IndustryAssociation)
export class IndustryAssociationResolver {
  constructor(
    private readonly associations: IndustryAssociationService,
    private readonly accounts: FindGroupAccountsService,
  ) {}

  @Mutation(() => IndustryAssociation)
  createIndustryAssociation(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CreateIndustryAssociationInput,
  ): Promise<IndustryAssociation> {
    return this.associations.createAssociation(caller, input);
  }

  @Mutation(() => IndustryAssociation)
  addAssociationMembers(
    @CurrentCaller() caller: Caller,
    @Args('input') input: AssociationMembersInput,
  ): Promise<IndustryAssociation> {
    return this.associations.addMembers(caller, input.associationId, input.accountIds);
  }

  @Mutation(() => IndustryAssociation)
  removeAssociationMembers(
    @CurrentCaller() caller: Caller,
    @Args('input') input: AssociationMembersInput,
  ): Promise<IndustryAssociation> {
    return this.associations.removeMembers(caller, input.associationId, input.accountIds);
  }

  @Query(() => IndustryAssociation)
  industryAssociation(
    @CurrentCaller() caller: Caller,
    @UuidArg('id') id: string,
  ): Promise<IndustryAssociation> {
    return this.associations.association(caller, id);
  }

  @Query(() => IndustryAssociationConnection)
  industryAssociations(
    @CurrentCaller() caller: Caller,
    @Args() page: PageArgs,
  ): Promise<Connection<IndustryAssociation>> {
    return this.associations.associations(caller, page.first, page.after);
  }

  @ResolveField(() => GroupAccountConnection, { description: 'The members you may see.' })
  members(
    @CurrentCaller() caller: Caller,
    @Parent() association: IndustryAssociation,
    @Args() page: PageArgs,
  ): Promise<Connection<GroupAccountEntity>> {
    return this.accounts.search(caller, {
      first: page.first,
      after: page.after,
      filter: { associationId: association.id },
    });
  }
}

/** Clusters and associations seen from the account's side. */
@Resolver(() => GroupAccount)
export class AccountClustersResolver {
  constructor(
    private readonly clusterService: IndustryClusterService,
    private readonly associationService: IndustryAssociationService,
  ) {}

  @ResolveField(() => [ClusterMembership], { description: 'Clusters it leads or supports.' })
  clusters(
    @CurrentCaller() caller: Caller,
    @Parent() account: GroupAccountEntity,
  ): Promise<ClusterMembership[]> {
    return this.clusterService.membershipsOf(caller, account.id);
  }

  @ResolveField(() => [IndustryAssociation])
  associations(
    @CurrentCaller() caller: Caller,
    @Parent() account: GroupAccountEntity,
  ): Promise<IndustryAssociation[]> {
    return this.associationService.associationsOf(caller, account.id);
  }
}
