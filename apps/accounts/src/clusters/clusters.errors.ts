import { DomainError, violation, type FieldViolation } from '@gap/errors';

export const ClustersErrors = {
  invalid: (violations: readonly FieldViolation[]): DomainError =>
    DomainError.invalidInput(
      violations,
      violations.length === 1 ? violations[0]?.reason : 'INVALID_INPUT',
    ),

  leaderAsSupporter: (field: string): DomainError =>
    DomainError.invalidInput([
      violation(field, 'LEADER_AS_SUPPORTER', {
        'zh-CN': '龙头企业不能同时是自己集群的配套企业。',
        en: 'The leader cannot also be one of its own supporters.',
      }),
    ]),

  clusterNameTaken: (name: string): DomainError =>
    DomainError.conflict(
      'CLUSTER_NAME_TAKEN',
      { 'zh-CN': `名为“${name}”的产业集群已存在。`, en: `A cluster named ${name} already exists.` },
      'input.name',
    ),

  clusterNotFound: (id: string, field = 'id'): DomainError =>
    DomainError.notFound(
      'CLUSTER_NOT_FOUND',
      { 'zh-CN': `找不到产业集群 ${id}。`, en: `No industry cluster ${id}.` },
      field,
    ),

  associationNameTaken: (name: string): DomainError =>
    DomainError.conflict(
      'ASSOCIATION_NAME_TAKEN',
      {
        'zh-CN': `名为“${name}”的行业协会已存在。`,
        en: `An association named ${name} already exists.`,
      },
      'input.name',
    ),

  associationNotFound: (id: string, field = 'id'): DomainError =>
    DomainError.notFound(
      'ASSOCIATION_NOT_FOUND',
      { 'zh-CN': `找不到行业协会 ${id}。`, en: `No industry association ${id}.` },
      field,
    ),
};
