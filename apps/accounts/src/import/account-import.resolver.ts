import { Args, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { AccountImportService } from './account-import.service.js';
import {
  answeringFileErrors,
  ImportFileInput,
  ImportReportType,
  type ImportReport,
} from '@gap/bulk-import';
import { IMPORT_COLUMNS, parseImportFile } from './import-file.js';

@InputType({
  description: `Group accounts: columns ${IMPORT_COLUMNS.join(', ')} (tags separated by ;).`,
})
export class ImportGroupAccountsInput extends ImportFileInput {}

@Resolver()
export class AccountImportResolver {
  constructor(private readonly imports: AccountImportService) {}

  @Mutation(() => ImportReportType, {
    description:
      'Upserts accounts by credit code with their group links; each row all or nothing; re-running the same file changes nothing.',
  })
  importGroupAccounts(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ImportGroupAccountsInput,
  ): Promise<ImportReport> {
    return answeringFileErrors(() =>
      this.imports.import(caller, parseImportFile(input.format, input.content), {
        dryRun: input.dryRun,
      }),
    );
  }
}
