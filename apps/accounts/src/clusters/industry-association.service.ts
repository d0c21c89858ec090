import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { checkGrouping } from '@gap/accounts/domain';
import type { Caller } from '@gap/auth';
import { isUniqueViolation } from '@gap/database';
import type { Connection } from '@gap/graphql';
import { GroupAccountChanges } from '../group-account/group-account-changes.service.js';
import { accessFor } from '../visibility/visibility.js';
import { ClustersErrors } from './clusters.errors.js';
import { ClustersRepository } from './clusters.repository.js';
import type { CreateIndustryAssociationInput, IndustryAssociation } from './clusters.types.js';

/** Industry associations: channels whose members are accounts. */
@Injectable()
export class IndustryAssociationService {
  constructor(
    private readonly repository: ClustersRepository,
    private readonly accounts: GroupAccountChanges,
  ) {}

  async createAssociation(
    caller: Caller,
    input: CreateIndustryAssociationInput,
  ): Promise<IndustryAssociation> {
    accessFor('createIndustryAssociation', caller);
    const industryCode = input.industryCode ?? null;
    const regionCode = input.regionCode ?? null;
    const checked = checkGrouping({ name: input.name, industryCode, regionCode });
    if (!checked.ok) throw ClustersErrors.invalid(checked.violations);
    const id = randomUUID();
    try {
      await this.repository.insertAssociation({
        id,
        name: checked.name,
        industryCode,
        regionCode,
        createdBy: caller.subject,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'industry_association_name_key')) {
        throw ClustersErrors.associationNameTaken(checked.name);
      }
      throw error;
    }
    return this.read(id);
  }

  async addMembers(
    caller: Caller,
    associationId: string,
    accountIds: readonly string[],
  ): Promise<IndustryAssociation> {
    const scope = accessFor('addAssociationMembers', caller);
    await this.repository.transaction(async (manager) => {
      await this.read(associationId, manager);
      await this.accounts.requireVisible(manager, scope, accountIds, 'input.accountIds');
      await this.repository.addMembers(manager, associationId, [...new Set(accountIds)]);
    });
    return this.read(associationId);
  }

  async removeMembers(
    caller: Caller,
    associationId: string,
    accountIds: readonly string[],
  ): Promise<IndustryAssociation> {
    accessFor('removeAssociationMembers', caller);
    await this.read(associationId);
    await this.repository.removeMembers(associationId, accountIds);
    return this.read(associationId);
  }

  async association(caller: Caller, id: string): Promise<IndustryAssociation> {
    accessFor('industryAssociation', caller);
    return this.read(id);
  }

  async associations(
    caller: Caller,
    first: number,
    after?: string,
  ): Promise<Connection<IndustryAssociation>> {
    accessFor('industryAssociations', caller);
    return await this.repository.pageAssociations(first, after);
  }

  /** The associations an account the caller has read belongs to. */
  async associationsOf(caller: Caller, accountId: string): Promise<IndustryAssociation[]> {
    accessFor('groupAccount', caller);
    return await this.repository.findAssociationsOf(accountId);
  }

  private async read(id: string, manager?: EntityManager): Promise<IndustryAssociation> {
    const row = await this.repository.findAssociation(id, manager);
    if (!row) throw ClustersErrors.associationNotFound(id);
    return row;
  }
}
