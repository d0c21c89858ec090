import { DomainError } from '@gap/errors';

export const QueueErrors = {
  /** The breaching queue is the coordination team's and the department heads'. */
  headsOnly: (): DomainError =>
    DomainError.forbidden(
      {
        'zh-CN': '即将超时的请求队列仅供协调小组和部门负责人查看。',
        en: 'The breaching-soon queue is for the coordination team and department heads.',
      },
      'COORDINATION_QUEUE_HEADS_ONLY',
    ),
};
