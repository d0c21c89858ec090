import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import type { StoredPolicy } from '@gap/policy';
import { DomainError } from '@gap/errors';
import {
  DEFAULT_POLICY,
  TIERING_PERMISSIONS,
  checkPolicy,
  type TieringPolicy,
} from '@gap/tiering/domain';
import { TieringPolicyErrors } from './tiering-policy.errors.js';
import { TieringPolicyRepository } from './tiering-policy.repository.js';
import type { CreateTieringPolicyInput, TieringPolicyType } from './tiering-policy.types.js';

function toType(stored: StoredPolicy<TieringPolicy>): TieringPolicyType {
  const { policy } = stored;
  return {
    ...policy,
    version: stored.version,
    isCurrent: stored.isCurrent,
    createdBy: stored.createdBy,
    createdAt: stored.createdAt,
    walletPerEmployee: Object.entries(policy.walletPerEmployee).map(
      ([industryCode, perEmployee]) => ({ industryCode, perEmployee }),
    ),
    groupFloor: { A: policy.groupFloor.A, B: policy.groupFloor.B },
    scoreWeights: { ...policy.scoreWeights },
  };
}

/**
 * Versioned tiering policies: admins add a version (checked as a whole, every broken rule
 * named) and make it current; versions are never edited, so every past run stays explainable.
 */
@Injectable()
export class TieringPolicyService {
  constructor(private readonly policies: TieringPolicyRepository) {}

  async list(caller: Caller): Promise<TieringPolicyType[]> {
    authorize(TIERING_PERMISSIONS, 'tieringPolicies', caller);
    return (await this.policies.list()).map(toType);
  }

  async create(caller: Caller, input: CreateTieringPolicyInput): Promise<TieringPolicyType> {
    authorize(TIERING_PERMISSIONS, 'createTieringPolicy', caller);
    const { makeCurrent, walletPerEmployee, walletPerLine, scoreWeights, ...rest } = input;
    const policy: TieringPolicy = {
      ...rest,
      walletPerEmployee: Object.fromEntries(
        walletPerEmployee.map((w) => [w.industryCode, w.perEmployee]),
      ),
      walletPerLine: walletPerLine ?? DEFAULT_POLICY.walletPerLine,
      scoreWeights: scoreWeights
        ? {
            current: scoreWeights.current,
            potential: scoreWeights.potential,
            lifetime: scoreWeights.lifetime,
          }
        : DEFAULT_POLICY.scoreWeights,
      groupFloor: { A: input.groupFloor.A ?? null, B: input.groupFloor.B ?? null },
    };
    const violations = checkPolicy(policy);
    const industries = walletPerEmployee.map((w) => w.industryCode);
    const repeated = industries.find((code, i) => industries.indexOf(code) !== i);
    if (repeated !== undefined) violations.push(TieringPolicyErrors.duplicateIndustry(repeated));
    if (violations.length > 0) {
      throw DomainError.invalidInput(
        violations,
        violations.length === 1 ? violations[0]?.reason : undefined,
      );
    }
    return toType(await this.policies.create(policy, makeCurrent, caller.subject));
  }
}
