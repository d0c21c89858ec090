import { DomainError, violation } from '@gap/errors';

/** Partners' OAuth clients' errors, in Chinese and English. */
export const PartnerClientErrors = {
  partnerNotFound: (partnerId: string): DomainError =>
    DomainError.notFound(
      'PARTNER_NOT_FOUND',
      { 'zh-CN': `没有合作伙伴 ${partnerId}。`, en: `No partner ${partnerId}.` },
      'input.partnerId',
    ),

  notFound: (clientId: string, field = 'clientId'): DomainError =>
    DomainError.notFound(
      'PARTNER_CLIENT_NOT_FOUND',
      { 'zh-CN': `没有有效的客户端 ${clientId}。`, en: `No active client ${clientId}.` },
      field,
    ),

  scopes: (given: readonly string[], allowed: readonly string[]): DomainError =>
    DomainError.invalidInput(
      [
        violation('input.scopes', 'PARTNER_CLIENT_SCOPES', {
          'zh-CN': `权限范围应为 ${allowed.join('、')} 中的一个或多个（收到：${given.join('、') || '无'}）。`,
          en: `Scopes are one or more of ${allowed.join(', ')} (given: ${given.join(', ') || 'none'}).`,
        }),
      ],
      'PARTNER_CLIENT_FIELD_INVALID',
    ),

  name: (): DomainError =>
    DomainError.invalidInput(
      [
        violation('input.name', 'PARTNER_CLIENT_NAME_LENGTH', {
          'zh-CN': '客户端名称应为 1 至 100 个字符。',
          en: "A client's name has 1 to 100 characters.",
        }),
      ],
      'PARTNER_CLIENT_FIELD_INVALID',
    ),

  /** A partner's token whose client was revoked, or whose partner no longer may act. */
  revoked: (): DomainError =>
    new DomainError('PARTNER_CLIENT_REVOKED', 'UNAUTHENTICATED', {
      'zh-CN': '此访问令牌的客户端已被吊销或合作伙伴已停用。',
      en: "This token's client has been revoked, or its partner may no longer act.",
    }),

  notPartner: (): DomainError =>
    DomainError.forbidden(
      { 'zh-CN': '此接口仅供合作伙伴使用。', en: 'Only partners use this API.' },
      'PARTNER_ONLY',
    ),

  missingScope: (scopes: readonly string[]): DomainError =>
    DomainError.forbidden(
      {
        'zh-CN': `访问令牌缺少权限范围：${scopes.join('、')}。`,
        en: `The token lacks the scope ${scopes.join(', ')}.`,
      },
      'PARTNER_SCOPE_MISSING',
    ),
};
