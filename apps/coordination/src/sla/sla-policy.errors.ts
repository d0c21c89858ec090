import { DomainError, violation } from '@gap/errors';
import { COORDINATION_REASONS, type SlaPolicyProblemCode } from '@gap/coordination/domain';
import { renderReason, type Reason } from '@gap/i18n';

export const SlaPolicyErrors = {
  /** Each problem of `slaPolicyProblems`, coded, naming its field under `input.`. */
  invalid: (problems: readonly Reason<SlaPolicyProblemCode>[]): DomainError =>
    DomainError.invalidInput(
      problems.map((problem) =>
        violation(`input.${String(problem.figures['field'])}`, problem.code, {
          'zh-CN': renderReason(COORDINATION_REASONS, problem, 'zh-CN'),
          en: renderReason(COORDINATION_REASONS, problem, 'en'),
        }),
      ),
    ),

  cellGivenTwice: (field: string): DomainError =>
    DomainError.invalidInput([
      violation(`input.${field}`, 'POLICY_CELL_GIVEN_TWICE', {
        'zh-CN': `${field} 给出了不止一次；每一项只能给一次。`,
        en: `${field} is given more than once; give each cell exactly once.`,
      }),
    ]),
};
