import { DomainError, violation } from '@gap/errors';
import type { EndpointUrlProblem } from '@gap/partners/domain';

const URL_MESSAGES: Record<EndpointUrlProblem, { 'zh-CN': string; en: string }> = {
  NOT_A_URL: { 'zh-CN': '地址不是有效的 URL。', en: 'The address is not a URL.' },
  HTTPS_REQUIRED: { 'zh-CN': '地址必须使用 https。', en: 'The address must use https.' },
  CREDENTIALS_IN_URL: {
    'zh-CN': '地址中不能包含用户名或密码。',
    en: 'The address may not carry a user name or password.',
  },
  FRAGMENT_IN_URL: {
    'zh-CN': '地址中不能包含 # 片段。',
    en: 'The address may not carry a #fragment.',
  },
  TOO_LONG: { 'zh-CN': '地址过长。', en: 'The address is too long.' },
};

/** Webhook endpoints' errors, in Chinese and English. */
export const WebhookErrors = {
  url: (problem: EndpointUrlProblem, field = 'url'): DomainError =>
    DomainError.invalidInput(
      [violation(field, `WEBHOOK_URL_${problem}`, URL_MESSAGES[problem])],
      'WEBHOOK_FIELD_INVALID',
    ),

  eventTypes: (index: number, value: string): DomainError =>
    DomainError.invalidInput(
      [
        violation(`eventTypes[${index}]`, 'WEBHOOK_EVENT_TYPE_UNKNOWN', {
          'zh-CN': `没有事件类型“${value}”。`,
          en: `There is no event type '${value}'.`,
        }),
      ],
      'WEBHOOK_FIELD_INVALID',
    ),

  /** Another partner's endpoint is as absent as one that never was. */
  notFound: (id: string): DomainError =>
    DomainError.notFound(
      'WEBHOOK_ENDPOINT_NOT_FOUND',
      { 'zh-CN': `没有 Webhook 端点 ${id}。`, en: `No webhook endpoint ${id}.` },
      'id',
    ),

  deliveryNotDead: (messageId: string): DomainError =>
    DomainError.notFound(
      'WEBHOOK_DELIVERY_NOT_DEAD',
      {
        'zh-CN': `没有已停止重试的投递 ${messageId}。`,
        en: `No dead-lettered delivery ${messageId}.`,
      },
      'messageId',
    ),
};
