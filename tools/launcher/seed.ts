import { creditCodeCheckCharacter, GROUP_ACCOUNT_TYPES } from '@gap/accounts/domain';

const CITIES = [
  ['福州', '350102'],
  ['厦门', '350203'],
  ['泉州', '350502'],
  ['杭州', '330106'],
  ['南京', '320106'],
  ['广州', '440106'],
  ['深圳', '440305'],
  ['成都', '510107'],
  ['武汉', '420106'],
  ['北京', '110108'],
] as const;
const TRADES = [
  ['精密制造', 'C'],
  ['智能装备', 'C'],
  ['物流', 'G'],
  ['软件科技', 'I'],
  ['建设工程', 'E'],
  ['商贸', 'F'],
  ['医疗器械', 'C'],
  ['能源', 'D'],
  ['农业发展', 'A'],
  ['文化传媒', 'R'],
] as const;
const SUFFIXES = ['有限公司', '集团有限公司', '股份有限公司'];
const AGENCIES = ['市政务服务数据管理局', '市教育局', '区卫生健康委员会', '市交通运输局'];

const DEMO_SIZE = 240;

function creditCode(index: number, region: string, authority: '91' | '11'): string {
  const body = `${authority}${region}${String(100000000 + index * 7919).slice(-9)}`;
  return body + creditCodeCheckCharacter(body);
}

function demoAccount(index: number) {
  const [city, region] = CITIES[index % CITIES.length] ?? CITIES[0];
  const [trade, industry] = TRADES[Math.floor(index / CITIES.length) % TRADES.length] ?? TRADES[0];
  const government = index % 12 === 0;
  return {
    name: government
      ? `${city}${AGENCIES[index % AGENCIES.length]}`
      : `${city}${['海峡', '华瑞', '中联', '宏达', '天元', '鑫源'][index % 6]}${trade}${SUFFIXES[index % SUFFIXES.length]}`,
    creditCode: creditCode(index, region, government ? '11' : '91'),
    type: government
      ? 'GOVERNMENT'
      : (GROUP_ACCOUNT_TYPES[index % 3 === 0 ? 3 : 0] ?? 'ENTERPRISE'),
    industryCode: government ? 'S' : industry,
    regionCode: region,
  };
}

async function call(
  url: string,
  token: string,
  query: string,
  variables: object,
): Promise<{ data?: Record<string, unknown>; errors?: { message: string }[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: Record<string, unknown>;
    errors?: { message: string }[];
  };
}

/**
 * A small demo book, created through the gateway like any client would, so every account's
 * event flows to the tiering service. Skipped when accounts already exist.
 */
export async function seedDemo(url: string, token: string): Promise<number> {
  const existing = await call(
    url,
    token,
    '{ groupAccounts(first: 1) { pageInfo { hasNextPage endCursor } } }',
    {},
  );
  if (existing.errors)
    throw new Error(`Seeding failed: ${existing.errors.map((e) => e.message).join('; ')}`);
  const page = existing.data?.['groupAccounts'] as
    { pageInfo: { endCursor: string | null } } | undefined;
  if (page?.pageInfo.endCursor) return 0;
  const mutation =
    'mutation Seed($input: CreateGroupAccountInput!) { createGroupAccount(input: $input) { id } }';
  for (let index = 0; index < DEMO_SIZE; index++) {
    const result = await call(url, token, mutation, { input: demoAccount(index) });
    if (result.errors)
      throw new Error(
        `Seeding account ${index} failed: ${result.errors.map((e) => e.message).join('; ')}`,
      );
  }
  return DEMO_SIZE;
}
