import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import {
  COORDINATION_PERMISSIONS,
  slaPolicyProblems,
  type SlaPolicy,
} from '@gap/coordination/domain';
import type { StoredPolicy } from '@gap/policy';
import { SlaPolicyErrors } from './sla-policy.errors.js';
import { toSlaPolicy } from './sla-policy.mapper.js';
import { SlaPolicyRepository } from './sla-policy.repository.js';
import type { CreateSlaPolicyInput } from './sla-policy.types.js';

/**
 * Versioned SLA policies: admins add a version, checked whole, and usually make it current.
 * A running clock keeps the version it started with (the domain's rule), so a new version
 * changes only clocks started (or re-targeted) after it.
 */
@Injectable()
export class SlaPolicyService {
  constructor(private readonly policies: SlaPolicyRepository) {}

  async list(caller: Caller): Promise<StoredPolicy<SlaPolicy>[]> {
    authorize(COORDINATION_PERMISSIONS, 'slaPolicies', caller);
    return this.policies.list();
  }

  async create(caller: Caller, input: CreateSlaPolicyInput): Promise<StoredPolicy<SlaPolicy>> {
    authorize(COORDINATION_PERMISSIONS, 'createSlaPolicy', caller);
    const policy = toSlaPolicy(input);
    const problems = slaPolicyProblems(policy);
    if (problems.length > 0) throw SlaPolicyErrors.invalid(problems);
    return this.policies.create(policy, input.makeCurrent, caller.subject);
  }
}
