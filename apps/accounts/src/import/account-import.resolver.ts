import {
  Args,
  Field,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Resolver,
  registerEnumType,
} from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentCaller, type Caller } from '@gap/auth';
import { DomainError } from '@gap/errors';
import { enumOf } from '../group-account/dto/group-account.type.js';
import { AccountImportService, type ImportReport } from './account-import.service.js';
import { IMPORT_FORMATS, ImportFileError, type ImportFormat } from '@gap/bulk-import';
import { parseImportFile } from './import-file.js';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const ImportFormatEnum = enumOf(IMPORT_FORMATS);
registerEnumType(ImportFormatEnum, { name: 'ImportFormat' });

@InputType()
export class ImportGroupAccountsInput {
  @Field(() => ImportFormatEnum) @IsIn(IMPORT_FORMATS) format!: ImportFormat;
  @Field({
    description:
      'CSV with a header of creditCode,name,legalName,type,industryCode,regionCode,employees,linesCount,foundedOn,status,tags,parentCreditCode (tags separated by ;), or a JSON array of objects with those keys.',
  })
  @IsString()
  @MaxLength(MAX_IMPORT_BYTES)
  content!: string;
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Check and report only; write nothing.',
  })
  @IsOptional()
  @IsBoolean()
  dryRun: boolean = false;
}

@ObjectType()
export class ImportRowError {
  @Field(() => Int, {
    description: '1-based record number, header excluded; 0 for the whole file.',
  })
  row!: number;
  @Field() field!: string;
  @Field() code!: string;
  @Field() message!: string;
}

@ObjectType()
export class ImportReportType {
  @Field(() => Int) total!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) failed!: number;
  @Field(() => [ImportRowError]) errors!: ImportRowError[];
  @Field() dryRun!: boolean;
}

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
    let rows;
    try {
      rows = parseImportFile(input.format, input.content);
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      const { field, code, message } = error.problem;
      throw DomainError.invalidInput(
        [{ field: `input.content (${field})`, reason: code, message }],
        code,
      );
    }
    return this.imports.import(caller, rows, { dryRun: input.dryRun });
  }
}
