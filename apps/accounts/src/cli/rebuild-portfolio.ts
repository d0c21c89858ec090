import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { importLocale, ProgressBar } from '@gap/bulk-import';
import { loadConfig } from '@gap/config';
import { messagingOptionsFrom } from '@gap/messaging';
import { AccountsConfig } from '../accounts.config.js';
import {
  REBUILD_BATCH_SIZE,
  withPortfolioRebuild,
} from '../portfolio/portfolio-rebuild.services.js';
import { REBUILD_TEXTS } from './rebuild-portfolio.messages.js';

const { values } = parseArgs({
  options: {
    apply: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    lang: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
const locale = importLocale(values.lang);
const say = REBUILD_TEXTS[locale];

if (values.lang !== undefined && !/^(en|zh)/i.test(values.lang)) {
  process.stderr.write(`${say.badLang(values.lang)}\n`);
  process.exitCode = 1;
} else if (values.help) {
  process.stdout.write(`${say.usage}\n`);
} else {
  await rebuild().catch((error: unknown) => {
    process.stderr.write(`${say.failed(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 1;
  });
}

async function rebuild(): Promise<void> {
  const config = loadConfig(AccountsConfig);
  const settings = {
    ...messagingOptionsFrom('accounts', config).transport,
    batchSize: REBUILD_BATCH_SIZE,
  };
  const bar = new ProgressBar(say.replaying);
  let lastLine = 0;
  const outcome = await withPortfolioRebuild(config.DATABASE_URL, settings, async (rebuild) => {
    const report = await rebuild.run({
      onProgress: ({ done, total, events }) => {
        if (total !== null) return bar.update(done, total);
        // Kafka does not tell this service where the log ends: a count, once a second.
        if (Date.now() - lastLine < 1_000) return;
        lastLine = Date.now();
        process.stderr.write(`${say.replayed(events)}\n`);
      },
    });
    const before = await rebuild.compare();
    const applied = values.apply && before.accounts > 0 ? await rebuild.apply(report.cutoff) : null;
    const after = applied ? await rebuild.compare() : before;
    return { report, before, applied, after };
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
  } else {
    process.stdout.write(say.report(outcome.report));
    process.stdout.write(say.differences(outcome.before));
    if (outcome.applied) {
      process.stdout.write(say.applied(outcome.applied));
      process.stdout.write(say.differences(outcome.after));
    }
  }
  process.exitCode = outcome.after.accounts > 0 && !values.apply ? 2 : 0;
}
