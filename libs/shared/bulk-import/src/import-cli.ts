import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportFileError, type ImportFormat } from './import-file.js';
import {
  CLI_TEXTS,
  describeRowError,
  importLocale,
  renderReport,
  wasRolledBack,
  type ImportLocale,
  type ZhMessages,
} from './import-messages.js';
import type { ImportReport } from './import-report.js';
import { ProgressBar } from './progress-bar.js';

export interface ImportCliRun {
  readonly file: string;
  readonly format: ImportFormat;
  readonly content: string;
  /** The employee the import is recorded for (`--as`). */
  readonly subject: string;
  readonly dryRun: boolean;
  readonly onProgress: (done: number, total: number) => void;
}

/** What an import's command line says in each language: its usage and its own codes. */
export interface ImportCliTexts {
  readonly usage: Readonly<Record<ImportLocale, string>>;
  /** Chinese for the import's own codes (the shared ones are known already). */
  readonly zh: ZhMessages;
}

/**
 * The command line of an import: `<file.csv|file.json> [--as E1001] [--dry-run] [--json]
 * [--lang zh-CN|en]`, a progress bar on stderr, the report on stdout (the first 100 errors,
 * or all as JSON) in Chinese unless English is asked for (`--lang en`, or LC_ALL /
 * LC_MESSAGES / LANG starting with `en`), and the exit code 0 (all rows in), 2 (some rows
 * failed, the valid ones written) or 1 (nothing written: the file could not be read, or the
 * import was rolled back).
 */
export async function runImportCli(
  texts: ImportCliTexts,
  run: (args: ImportCliRun) => Promise<ImportReport>,
): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      as: { type: 'string', default: 'import-cli' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const locale = importLocale(values.lang);
  if (values.lang !== undefined && !/^(en|zh)/i.test(values.lang)) {
    process.stderr.write(`${CLI_TEXTS[locale].badLang(values.lang)}\n`);
    process.exitCode = 1;
    return;
  }
  const say = CLI_TEXTS[locale];
  const [file] = positionals;
  if (values.help || !file) {
    process.stdout.write(`${texts.usage[locale]}\n`);
    process.exitCode = values.help ? 0 : 1;
    return;
  }
  const dryRun = values['dry-run'];
  const bar = new ProgressBar(dryRun ? say.checking : say.importing);
  let report: ImportReport;
  try {
    report = await run({
      file,
      format: extname(file).toLowerCase() === '.json' ? 'JSON' : 'CSV',
      content: await readFile(file, 'utf8'),
      subject: values.as,
      dryRun,
      onProgress: (done, total) => bar.update(done, total),
    });
  } catch (error) {
    process.exitCode = 1;
    if (error instanceof ImportFileError) {
      process.stderr.write(`${file}: ${describeRowError(error.problem, locale, texts.zh)}\n`);
      return;
    }
    // A real run is one transaction: whatever failed, it did not commit.
    process.stderr.write(`${say.failed(error instanceof Error ? error.message : String(error))}\n`);
    return;
  }
  process.stdout.write(
    values.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report, locale, texts.zh),
  );
  process.exitCode = wasRolledBack(report) ? 1 : report.failed > 0 ? 2 : 0;
}
