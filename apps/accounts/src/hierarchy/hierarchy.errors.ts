import { DomainError, violation } from '@gap/errors';
import { MAX_HIERARCHY_DEPTH } from '@gap/accounts/domain';

export const HierarchyErrors = {
  cycle: (
    field: string,
    parent: { id: string; accountCode: string },
    node: { id: string; accountCode: string },
  ): DomainError =>
    DomainError.invalidInput(
      [
        violation(
          field,
          'HIERARCHY_CYCLE',
          parent.id === node.id
            ? { 'zh-CN': '客户不能成为自己的上级。', en: 'An account cannot be its own parent.' }
            : {
                'zh-CN': `${parent.accountCode} 位于 ${node.accountCode} 之下，移到那里会形成循环。`,
                en: `${parent.accountCode} lies below ${node.accountCode}; moving there would make a cycle.`,
              },
        ),
      ],
      'HIERARCHY_CYCLE',
    ),

  tooDeep: (field: string, deepest: number): DomainError =>
    DomainError.invalidInput(
      [
        violation(field, 'HIERARCHY_TOO_DEEP', {
          'zh-CN': `集团层级最多 ${MAX_HIERARCHY_DEPTH} 层，此次移动将达到 ${deepest} 层。`,
          en: `A group has at most ${MAX_HIERARCHY_DEPTH} levels; this move would make ${deepest}.`,
        }),
      ],
      'HIERARCHY_TOO_DEEP',
    ),
};
