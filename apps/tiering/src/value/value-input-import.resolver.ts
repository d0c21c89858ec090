import { Args, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import {
  answeringFileErrors,
  ImportFileInput,
  ImportReportType,
  type ImportReport,
} from '@gap/bulk-import';
import { VALUE_INPUT_COLUMNS, ValueInputImportService } from './value-input-import.service.js';

@InputType({
  description: `Monthly value inputs: columns ${VALUE_INPUT_COLUMNS.join(', ')} (amounts in yuan, month YYYY-MM).`,
})
export class ImportValueInputsInput extends ImportFileInput {}

@Resolver()
export class ValueInputImportResolver {
  constructor(private readonly imports: ValueInputImportService) {}

  @Mutation(() => ImportReportType, {
    description:
      'Loads monthly value inputs, one row per account and month; a re-run changes nothing (admins only).',
  })
  importValueInputs(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ImportValueInputsInput,
  ): Promise<ImportReport> {
    return answeringFileErrors(() =>
      this.imports.import(caller, input.format, input.content, { dryRun: input.dryRun }),
    );
  }
}
