import { DomainError, violation, type FieldViolation } from '@gap/errors';

export const ManagerPolicyErrors = {
  invalid: (violations: readonly FieldViolation[]): DomainError =>
    DomainError.invalidInput(violations),

  tiersIncomplete: (): DomainError =>
    DomainError.invalidInput([
      violation('input.tiers', 'TIERS_INCOMPLETE', {
        'zh-CN': '请为 A、B、C 每个层级各给出一项，且只给一次。',
        en: 'Give each tier (A, B and C) exactly once.',
      }),
    ]),
};
