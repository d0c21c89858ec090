import type { Figures, ReasonCatalog } from '@gap/i18n';
import type { ViolationCode } from './configuration-check.js';

const s = (f: Figures, key: string) => String(f[key]);
const bound = (f: Figures, zh: boolean) => {
  const parts: string[] = [];
  if (f['min'] !== null && f['min'] !== undefined)
    parts.push(`${zh ? '≥' : 'at least'} ${s(f, 'min')}`);
  if (f['max'] !== null && f['max'] !== undefined)
    parts.push(`${zh ? '≤' : 'at most'} ${s(f, 'max')}`);
  if (f['values'] !== null && f['values'] !== undefined)
    parts.push(`${zh ? '取值' : 'one of'} ${s(f, 'values')}`);
  return parts.join(zh ? '，' : ', ');
};
const at = (f: Figures, zh: boolean) =>
  f['line'] === undefined ? '' : zh ? `第 ${s(f, 'line')} 行：` : `Line ${s(f, 'line')}: `;

/** How each configuration violation reads, in each language. */
export const CONFIGURATION_REASONS: ReasonCatalog<ViolationCode> = {
  NOT_IN_TEMPLATE: {
    'zh-CN': (f) => `${at(f, true)}${s(f, 'item')} 不在套餐 ${s(f, 'template')} 中。`,
    en: (f) => `${at(f, false)}${s(f, 'item')} is not part of bundle ${s(f, 'template')}.`,
  },
  PRODUCT_UNKNOWN: {
    'zh-CN': (f) => `${at(f, true)}产品目录中没有 ${s(f, 'item')}。`,
    en: (f) => `${at(f, false)}the catalogue has no product ${s(f, 'item')}.`,
  },
  PRODUCT_NOT_ACTIVE: {
    'zh-CN': (f) => `${at(f, true)}${s(f, 'item')} 当前不可售（${s(f, 'lifecycle')}）。`,
    en: (f) => `${at(f, false)}${s(f, 'item')} is not on sale (${s(f, 'lifecycle')}).`,
  },
  QUANTITY_INVALID: {
    'zh-CN': (f) =>
      `${at(f, true)}${s(f, 'item')} 的数量应为 1 到 ${s(f, 'max')} 的整数，现为 ${s(f, 'quantity')}。`,
    en: (f) =>
      `${at(f, false)}the quantity of ${s(f, 'item')} is a whole number from 1 to ${s(f, 'max')}; it is ${s(f, 'quantity')}.`,
  },
  ATTRIBUTE_UNKNOWN: {
    'zh-CN': (f) => `${at(f, true)}${s(f, 'item')} 没有属性 ${s(f, 'attribute')}。`,
    en: (f) => `${at(f, false)}${s(f, 'item')} has no attribute ${s(f, 'attribute')}.`,
  },
  ATTRIBUTE_MISSING: {
    'zh-CN': (f) => `${at(f, true)}${s(f, 'item')} 须指定 ${s(f, 'attribute')}。`,
    en: (f) => `${at(f, false)}${s(f, 'item')} needs a value for ${s(f, 'attribute')}.`,
  },
  ATTRIBUTE_VALUE_NOT_ALLOWED: {
    'zh-CN': (f) =>
      `${at(f, true)}${s(f, 'item')} 的 ${s(f, 'attribute')} 不能为 ${s(f, 'value')}（可选：${s(f, 'allowed')}）。`,
    en: (f) =>
      `${at(f, false)}${s(f, 'attribute')} of ${s(f, 'item')} cannot be ${s(f, 'value')} (allowed: ${s(f, 'allowed')}).`,
  },
  ITEM_MISSING: {
    'zh-CN': (f) => `套餐须包含 ${s(f, 'item')}（至少 ${s(f, 'min')}）。`,
    en: (f) => `The bundle needs ${s(f, 'item')} (at least ${s(f, 'min')}).`,
  },
  QUANTITY_OUT_OF_RANGE: {
    'zh-CN': (f) =>
      `${s(f, 'item')} 的数量应在 ${s(f, 'min')} 到 ${s(f, 'max')} 之间，现为 ${s(f, 'quantity')}。`,
    en: (f) =>
      `${s(f, 'item')} takes ${s(f, 'min')} to ${s(f, 'max')} units; it has ${s(f, 'quantity')}.`,
  },
  REQUIRED_MISSING: {
    'zh-CN': (f) => `选择 ${s(f, 'by')} 须同时选择 ${s(f, 'item')}。`,
    en: (f) => `${s(f, 'by')} requires ${s(f, 'item')}.`,
  },
  EXCLUDED_TOGETHER: {
    'zh-CN': (f) => `${s(f, 'item')} 与 ${s(f, 'with')} 不能同时选择。`,
    en: (f) => `${s(f, 'item')} cannot be taken together with ${s(f, 'with')}.`,
  },
  TOO_FEW_CHOSEN: {
    'zh-CN': (f) =>
      `须从 ${s(f, 'options')} 中至少选择 ${s(f, 'min')} 项，现选 ${s(f, 'chosen')} 项。`,
    en: (f) => `Choose at least ${s(f, 'min')} of ${s(f, 'options')}; ${s(f, 'chosen')} chosen.`,
  },
  TOO_MANY_CHOSEN: {
    'zh-CN': (f) => `${s(f, 'options')} 中最多选择 ${s(f, 'max')} 项，${s(f, 'item')} 超出。`,
    en: (f) =>
      `Choose at most ${s(f, 'max')} of ${s(f, 'options')}; ${s(f, 'item')} is one too many.`,
  },
  ATTRIBUTE_CONSTRAINT: {
    'zh-CN': (f) =>
      `${at(f, true)}选择 ${s(f, 'by')} 时 ${s(f, 'item')} 的 ${s(f, 'attribute')} 须${bound(f, true)}，现为 ${s(f, 'value')}。`,
    en: (f) =>
      `${at(f, false)}with ${s(f, 'by')}, ${s(f, 'attribute')} of ${s(f, 'item')} must be ${bound(f, false)}; it is ${s(f, 'value')}.`,
  },
};
