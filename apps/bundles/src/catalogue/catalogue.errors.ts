import { DomainError, violation } from '@gap/errors';

/** The catalogue's errors, in Chinese and English. */
export const CatalogueErrors = {
  /** Every defect the domain found in an entry, each naming its field of the input. */
  invalid: (problems: readonly { field: string; problem: string }[]): DomainError =>
    DomainError.invalidInput(
      problems.map((p) =>
        violation(`input.${p.field.replace(/\[(\d+)\]/g, '.$1')}`, 'CATALOGUE_ENTRY_INVALID', {
          'zh-CN': `${p.field} 无效：应为 ${p.problem}。`,
          en: `${p.field} is invalid: expected ${p.problem}.`,
        }),
      ),
      'CATALOGUE_ENTRY_INVALID',
    ),

  notFound: (kind: 'product' | 'template', code: string, version?: number | null): DomainError =>
    DomainError.notFound(
      kind === 'product' ? 'PRODUCT_NOT_FOUND' : 'BUNDLE_TEMPLATE_NOT_FOUND',
      {
        'zh-CN': `没有${kind === 'product' ? '产品' : '套餐模板'} ${code}${version ? ` 第 ${version} 版` : '（在售版本）'}。`,
        en: `No ${kind} ${code}${version ? ` version ${version}` : ' on sale'}.`,
      },
      'input.code',
    ),

  lifecycle: (code: string, from: string, to: string): DomainError =>
    DomainError.conflict(
      'CATALOGUE_LIFECYCLE_NOT_ALLOWED',
      {
        'zh-CN': `${code} 不能从 ${from} 变为 ${to}（草稿 → 在售 → 下架）。`,
        en: `${code} cannot move from ${from} to ${to} (DRAFT → ACTIVE → RETIRED).`,
      },
      'input.lifecycle',
    ),
};
