import { DomainError } from '@gap/errors';

/** The TMF621 facade's own refusals (the domain's come through as the domain codes them). */
export const TicketErrors = {
  notFound: (id: string): DomainError =>
    DomainError.notFound(
      'TROUBLE_TICKET_NOT_FOUND',
      { 'zh-CN': `没有故障单 ${id}。`, en: `No trouble ticket ${id}.` },
      'id',
    ),

  statusUnsupported: (from: string, to: string): DomainError =>
    DomainError.conflict(
      'TROUBLE_TICKET_STATUS_UNSUPPORTED',
      {
        'zh-CN': `故障单不能从 ${from} 改为 ${to}：平台没有对应的处理步骤。`,
        en: `A ticket cannot go from ${from} to ${to}: the platform has no such step.`,
      },
      'status',
    ),
};
