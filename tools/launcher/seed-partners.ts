import type { Gateway } from './gateway-client.js';
import type { SeedHooks } from './seed.js';

interface DemoPartner {
  readonly code: string;
  readonly name: string;
  readonly type: 'AGENT' | 'RESELLER' | 'INDUSTRY_ASSOCIATION' | 'E_CHANNEL';
  readonly level: 'STRATEGIC' | 'CORE' | 'STANDARD';
  readonly regionPrefixes: readonly string[];
  readonly industrySections: readonly string[];
  readonly contractStartsOn: string;
  readonly contractEndsOn: string | null;
  readonly contact: { name: string; title: string; mobile: string; email: string };
  /** Where the demo leaves it: most partners active, one suspended, one ended. */
  readonly status?: { to: 'SUSPENDED' | 'ENDED'; reason: string };
}

/** The channel of the Fujian branch: agents by city, a reseller, an association, an e-channel. */
const PARTNERS: readonly DemoPartner[] = [
  {
    code: 'AG-XM-LUTONG',
    name: '厦门鹭通信息技术有限公司',
    type: 'AGENT',
    level: 'STRATEGIC',
    regionPrefixes: ['3502'],
    industrySections: ['C', 'F', 'G', 'I', 'K'],
    contractStartsOn: '2025-01-01',
    contractEndsOn: '2027-12-31',
    contact: {
      name: '陈立',
      title: '渠道总监',
      mobile: '138 0592 1001',
      email: 'chenli@lutong.example.cn',
    },
  },
  {
    code: 'AG-FZ-MINXIN',
    name: '福州闽信通信工程有限公司',
    type: 'AGENT',
    level: 'CORE',
    regionPrefixes: ['3501'],
    industrySections: ['C', 'F', 'G', 'I'],
    contractStartsOn: '2025-07-01',
    contractEndsOn: '2026-12-31',
    contact: {
      name: '林秀英',
      title: '客户经理',
      mobile: '139 0591 2002',
      email: 'linxy@minxin.example.cn',
    },
  },
  {
    code: 'AG-QZ-CITONG',
    name: '泉州刺桐数码科技有限公司',
    type: 'AGENT',
    level: 'STANDARD',
    regionPrefixes: ['3505'],
    industrySections: ['C'],
    contractStartsOn: '2026-01-01',
    contractEndsOn: '2026-12-31',
    contact: {
      name: '黄志强',
      title: '总经理',
      mobile: '137 0595 3003',
      email: 'huangzq@citong.example.cn',
    },
    status: { to: 'SUSPENDED', reason: '跨区域转售，整改期间暂停合作' },
  },
  {
    code: 'RS-FJ-HAIXI',
    name: '福建海西云网科技股份有限公司',
    type: 'RESELLER',
    level: 'CORE',
    regionPrefixes: ['35'],
    industrySections: ['I', 'L'],
    contractStartsOn: '2024-03-01',
    contractEndsOn: null,
    contact: {
      name: '吴建华',
      title: '商务经理',
      mobile: '135 0591 4004',
      email: 'wujh@haixi.example.cn',
    },
  },
  {
    code: 'IA-FJ-LOGISTICS',
    name: '福建省物流行业协会',
    type: 'INDUSTRY_ASSOCIATION',
    level: 'STANDARD',
    regionPrefixes: ['35'],
    industrySections: ['G'],
    contractStartsOn: '2025-05-01',
    contractEndsOn: '2028-04-30',
    contact: {
      name: '郑海燕',
      title: '秘书长',
      mobile: '136 0591 5005',
      email: 'zhenghy@fjla.example.cn',
    },
  },
  {
    code: 'EC-ZZ-YUNSHANG',
    name: '漳州云商电子商务有限公司',
    type: 'E_CHANNEL',
    level: 'STANDARD',
    regionPrefixes: ['3506'],
    industrySections: ['F'],
    contractStartsOn: '2024-01-01',
    contractEndsOn: '2025-12-31',
    contact: {
      name: '蔡文斌',
      title: '运营主管',
      mobile: '158 0596 6006',
      email: 'caiwb@yunshang.example.cn',
    },
    status: { to: 'ENDED', reason: '合同到期，不再续签' },
  },
];

const REGISTER = `mutation R($input: RegisterPartnerInput!) { registerPartner(input: $input) { id version } }`;
const STATUS = `mutation S($input: ChangePartnerStatusInput!) { changePartnerStatus(input: $input) { id } }`;

/**
 * The partners desk: six partner organisations of the Fujian branch (agents in Xiamen, Fuzhou
 * and Quanzhou, a province-wide reseller, the provincial logistics association and an
 * e-channel), one suspended and one ended. Skipped when partners are registered already.
 */
export async function seedPartners(admin: Gateway, hooks: SeedHooks): Promise<void> {
  const existing = await admin.call<{ partners: { edges: unknown[] } }>(
    'a first look at the partners',
    '{ partners(first: 1) { edges { cursor } } }',
    {},
    { idempotent: true },
  );
  if (existing.partners.edges.length > 0) return;
  const step = hooks.step('partner organisations', PARTNERS.length);
  for (const { contact, status, ...partner } of PARTNERS) {
    const registered = await admin.call<{ registerPartner: { id: string; version: number } }>(
      'a partner',
      REGISTER,
      { input: { ...partner, contacts: [contact] } },
    );
    if (status) {
      const { id, version } = registered.registerPartner;
      await admin.call('its status', STATUS, {
        input: { id, version, status: status.to, reason: status.reason },
      });
    }
    step.advance();
  }
  step.done();
}
