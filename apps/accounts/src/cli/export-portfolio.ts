import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@gap/authz';
import type { Caller } from '@gap/auth';
import { importLocale, ProgressBar, type ImportLocale } from '@gap/bulk-import';
import { loadConfig } from '@gap/config';
import { DomainError, type FieldViolation } from '@gap/errors';
import { InputValidationPipe } from '@gap/graphql';
import { AccountsConfig } from '../accounts.config.js';
import { withAccountsServices } from '../accounts.services.js';
import { exportSearchOf, PortfolioExportQuery } from '../portfolio/dto/portfolio-export.query.js';
import { exportFileName } from '../portfolio/portfolio-csv.js';
import {
  PortfolioExportService,
  writeAll,
  type PortfolioExportSearch,
} from '../portfolio/portfolio-export.service.js';
import { EXPORT_TEXTS, FILTER_OPTIONS, kebab } from './export-portfolio.messages.js';

/** The option a refused field came from: `tiers` → `--tiers`, `filter.currentValue` → both bounds. */
function optionOf(field: string): string {
  const name = field.replace(/^filter\./, '').split('.')[0] ?? field;
  return FILTER_OPTIONS.includes(name as (typeof FILTER_OPTIONS)[number])
    ? `--${kebab(name)}`
    : `--${kebab(name)}-min/--${kebab(name)}-max`;
}

function describe(error: DomainError, locale: ImportLocale): string {
  const say = EXPORT_TEXTS[locale];
  if (error.violations.length === 0) return say.failed(error.messageIn(locale));
  const lines = error.violations.map(
    (v: FieldViolation) =>
      `  ${optionOf(v.field)}: ${v.reason} ${say.reason(v.reason, v.localized?.[locale] ?? v.message)}`,
  );
  return [say.refused, ...lines].join('\n');
}

interface Target {
  readonly name: string;
  readonly out: Writable;
  /** What went wrong writing, if anything (a missing folder, a closed pipe). */
  readonly error: () => Error | undefined;
  /** Makes the written file the export (or throws it away). */
  readonly settle: (complete: boolean) => Promise<void>;
}

/** A file is written beside its name and renamed when whole; `-` is standard output. */
function openTarget(out: string): Target {
  let failure: Error | undefined;
  const remember = (error: Error) => (failure ??= error);
  if (out === '-') {
    // A reader that stops (`| head`) closes the pipe: the export stops, as for a client that left.
    process.stdout.on('error', (error: Error) => {
      remember(error);
      process.stdout.destroy();
    });
    return { name: 'stdout', out: process.stdout, error: () => failure, settle: async () => {} };
  }
  const part = `${out}.part`;
  const stream = createWriteStream(part).on('error', remember);
  return {
    name: out,
    out: stream,
    error: () => failure,
    settle: async (complete) => {
      if (complete) {
        await finished(stream);
        await rename(part, out);
      } else {
        stream.destroy();
        await rm(part, { force: true });
      }
    },
  };
}

/**
 * `npm run export:portfolio`: the REST export's filter as options, written through the
 * service layer on the database, with a progress bar whose total is the facet count.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      as: { type: 'string', default: 'export-cli' },
      role: { type: 'string', default: 'ADMIN' },
      lang: { type: 'string' },
      help: { type: 'boolean', default: false },
      ...Object.fromEntries(FILTER_OPTIONS.map((name) => [kebab(name), { type: 'string' }])),
    },
  }) as { values: Record<string, string | boolean | undefined> };
  const lang = typeof values['lang'] === 'string' ? values['lang'] : undefined;
  const locale = importLocale(lang);
  const say = EXPORT_TEXTS[locale];
  if (lang !== undefined && !/^(en|zh)/i.test(lang)) {
    process.stderr.write(`${say.badLang(lang)}\n`);
    process.exitCode = 1;
    return;
  }
  if (values['help']) {
    process.stdout.write(`${say.usage}\n`);
    return;
  }
  const role = String(values['role']);
  if (!ROLES.includes(role as Role)) {
    process.stderr.write(`${say.badRole(role)}\n`);
    process.exitCode = 1;
    return;
  }
  const caller: Caller = { subject: String(values['as']), roles: [role as Role] };
  const raw = Object.fromEntries(
    FILTER_OPTIONS.flatMap((name) => {
      const value = values[kebab(name)];
      return value === undefined ? [] : [[name, value]];
    }),
  );
  let search: PortfolioExportSearch;
  try {
    const query = (await new InputValidationPipe().transform(raw, {
      type: 'query',
      metatype: PortfolioExportQuery,
      data: '',
    })) as PortfolioExportQuery;
    search = exportSearchOf(query);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    process.stderr.write(`${describe(error, locale)}\n`);
    process.exitCode = 1;
    return;
  }
  const target = openTarget(typeof values['out'] === 'string' ? values['out'] : exportFileName());
  const toFile = target.out !== process.stdout;
  let rows = 0;
  let complete = false;
  let failure: unknown;
  try {
    await withAccountsServices(loadConfig(AccountsConfig).DATABASE_URL, async (services) => {
      const exports = new PortfolioExportService(
        services.findAccounts,
        services.portfolio,
        services.portfolioFacts,
      );
      // The CLI is not the REST edge: it sees what the account list shows the caller.
      const total = await exports.count(caller, search, 'groupAccounts');
      const bar = toFile ? new ProgressBar(say.exporting) : undefined;
      bar?.update(0, total);
      const pieces = exports.csv(caller, search, 'groupAccounts', {
        onRows: (count) => {
          rows += count;
          bar?.update(rows, total);
        },
      });
      complete = await writeAll(pieces, target.out, { end: toFile });
      // Accounts may have come or gone since the count: the bar ends on what was written.
      if (complete) bar?.update(rows, rows);
    });
  } catch (error) {
    failure = error;
  }
  try {
    await target.settle(complete && failure === undefined);
  } catch (error) {
    failure ??= error;
  }
  failure ??= complete ? undefined : (target.error() ?? new Error(say.closed));
  if (failure !== undefined) {
    process.exitCode = 1;
    process.stderr.write(
      `${failure instanceof DomainError ? describe(failure, locale) : say.failed(failure instanceof Error ? failure.message : JSON.stringify(failure))}\n`,
    );
    return;
  }
  (toFile ? process.stdout : process.stderr).write(`${say.done(rows, target.name)}\n`);
}

await main();
