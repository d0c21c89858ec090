import type { ImportLocale } from '@gap/bulk-import';
import type {
  ApplyOutcome,
  PortfolioDifferences,
} from '../portfolio/portfolio-rebuild.repository.js';
import type { RebuildReport } from '../portfolio/portfolio-rebuild.service.js';

export interface RebuildTexts {
  readonly usage: string;
  readonly replaying: string;
  readonly replayed: (events: number) => string;
  readonly report: (report: RebuildReport) => string;
  readonly differences: (d: PortfolioDifferences) => string;
  readonly applied: (outcome: ApplyOutcome) => string;
  readonly failed: (cause: string) => string;
  readonly badLang: (value: string) => string;
}

const count = (n: number) => n.toLocaleString('en');

export const REBUILD_TEXTS: Readonly<Record<ImportLocale, RebuildTexts>> = {
  'zh-CN': {
    usage: `从头重放事件，在 portfolio_rebuild 模式中重建客户组合读模型，并与在用的读模型（accounts 模式）比较。

  npm run portfolio:rebuild -- [--apply] [--json] [--lang zh-CN|en]

--apply  在一个事务中用重建的行替换不一致的在用行；重建开始后在用投影又写过的客户不替换（见截止时间）。
退出码：0 无差异（或已使用 --apply）；2 有差异且未使用 --apply；1 重建失败。`,
    replaying: '重放事件',
    replayed: (events) => `已重放 ${count(events)} 个事件`,
    report: (r) =>
      `重放事件 ${count(r.events)} 个（跳过无效记录 ${count(r.skipped)} 条），客户 ${count(r.accounts)} 个，` +
      `可见性 ${count(r.entries)} 行，用时 ${r.seconds.toFixed(1)} 秒，截止 ${r.cutoff}。\n`,
    differences: (d) =>
      d.accounts === 0
        ? '重建结果与在用读模型一致。\n'
        : `有 ${count(d.accounts)} 个客户不一致：portfolio_account 仅重建 ${count(d.accountRowsOnlyRebuilt)} 行、` +
          `仅在用 ${count(d.accountRowsOnlyLive)} 行；portfolio_entry 仅重建 ${count(d.entryRowsOnlyRebuilt)} 行、` +
          `仅在用 ${count(d.entryRowsOnlyLive)} 行。\n例如：${d.sample.join(', ')}\n`,
    applied: (o) =>
      `已替换 ${count(o.replaced)} 个客户的在用行；${count(o.leftAlone)} 个客户在截止时间后已由在用投影更新，未替换。\n`,
    failed: (cause) => `重建失败：${cause}`,
    badLang: (value) => `不支持的语言 '${value}'；可选 zh-CN 或 en。`,
  },
  en: {
    usage: `Replays the events from the start, rebuilds the portfolio read model in the schema
portfolio_rebuild and compares it with the live one (schema accounts).

  npm run portfolio:rebuild -- [--apply] [--json] [--lang zh-CN|en]

--apply  replaces the differing live rows with the rebuilt ones in one transaction, except for
         accounts the live projection wrote after the rebuild's cut-off.
Exit code: 0 no differences (or --apply given), 2 differences and no --apply, 1 the rebuild failed.`,
    replaying: 'replaying events',
    replayed: (events) => `${count(events)} events replayed`,
    report: (r) =>
      `${count(r.events)} events replayed (${count(r.skipped)} invalid records skipped), ` +
      `${count(r.accounts)} accounts, ${count(r.entries)} visibility rows, ${r.seconds.toFixed(1)} s, ` +
      `cut-off ${r.cutoff}.\n`,
    differences: (d) =>
      d.accounts === 0
        ? 'The rebuilt model matches the live one.\n'
        : `${count(d.accounts)} accounts differ: portfolio_account ${count(d.accountRowsOnlyRebuilt)} rows only ` +
          `rebuilt, ${count(d.accountRowsOnlyLive)} only live; portfolio_entry ${count(d.entryRowsOnlyRebuilt)} ` +
          `only rebuilt, ${count(d.entryRowsOnlyLive)} only live.\nFor instance: ${d.sample.join(', ')}\n`,
    applied: (o) =>
      `Replaced the live rows of ${count(o.replaced)} accounts; left ${count(o.leftAlone)} alone that the ` +
      `live projection wrote after the cut-off.\n`,
    failed: (cause) => `The rebuild failed: ${cause}`,
    badLang: (value) => `Unknown language '${value}'; use zh-CN or en.`,
  },
};
