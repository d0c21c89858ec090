import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { authorize, type Caller } from '@gap/authz';
import { checkManagerPolicy, HANDOVER_PERMISSIONS, type ManagerPolicy } from '@gap/managers/domain';
import type { StoredPolicy } from '@gap/policy';
import { ManagerPolicyErrors } from './manager-policy.errors.js';
import { toPolicy } from './manager-policy.mapper.js';
import { ManagerPolicyRepository } from './manager-policy.repository.js';
import type { CreateManagerPolicyInput } from './manager-policy.types.js';

export type StoredManagerPolicy = StoredPolicy<ManagerPolicy>;

/**
 * Versioned manager policies (which grades own which tier, points, the most a manager carries,
 * what a poor fit costs, how handovers run): admins add a version, checked as a whole, and
 * make it current. Versions are never edited, so every decision stays explainable.
 */
@Injectable()
export class ManagerPolicyService {
  constructor(private readonly policies: ManagerPolicyRepository) {}

  /** The policy decisions are taken under (inside the caller's transaction when given). */
  current(manager?: EntityManager): Promise<ManagerPolicy> {
    return this.policies.current(manager);
  }

  async list(caller: Caller): Promise<StoredManagerPolicy[]> {
    authorize(HANDOVER_PERMISSIONS, 'managerPolicies', caller);
    return this.policies.list();
  }

  async create(caller: Caller, input: CreateManagerPolicyInput): Promise<StoredManagerPolicy> {
    authorize(HANDOVER_PERMISSIONS, 'createManagerPolicy', caller);
    const policy = toPolicy(input);
    const violations = checkManagerPolicy(policy);
    if (violations.length > 0) throw ManagerPolicyErrors.invalid(violations);
    return this.policies.create(policy, input.makeCurrent, caller.subject);
  }
}
