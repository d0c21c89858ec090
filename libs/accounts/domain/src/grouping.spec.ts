import { checkGrouping, leaderAmongSupporters } from './grouping.js';

describe('industry clusters and associations', () => {
  it('accepts a named grouping with a known industry and region, trimming the name', () => {
    expect(
      checkGrouping({ name: ' 厦门航运产业集群 ', industryCode: 'G', regionCode: '350200' }),
    ).toEqual({
      ok: true,
      name: '厦门航运产业集群',
    });
    expect(checkGrouping({ name: '福建省物流协会', industryCode: null, regionCode: null }).ok).toBe(
      true,
    );
  });

  it('reports an empty name, an unknown industry and an unknown region at once, each on its field', () => {
    const checked = checkGrouping({ name: '  ', industryCode: 'Z', regionCode: '990101' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.violations.map((v) => [v.field, v.reason])).toEqual([
      ['input.name', 'NAME_INVALID'],
      ['input.industryCode', 'INDUSTRY_UNKNOWN'],
      ['input.regionCode', 'REGION_UNKNOWN'],
    ]);
    for (const v of checked.violations) expect(v.localized?.['zh-CN']).toBeTruthy();
  });

  it('does not let a cluster’s leader be one of its own supporters', () => {
    expect(leaderAmongSupporters('a', ['b', 'a'])).toBe(true);
    expect(leaderAmongSupporters('a', ['b'])).toBe(false);
  });
});
