import { IsIn, IsNotEmpty, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import type { EventDefinitions } from './event-definition.js';

export const ACCOUNTS_TOPIC = 'accounts.events.v1';

export class AccountCreatedPayload {
  @IsUUID() groupAccountId!: string;
  @IsString() @IsNotEmpty() accountCode!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsString() @Length(18, 18) creditCode!: string;
  @IsIn(['ENTERPRISE', 'GOVERNMENT', 'PUBLIC_INSTITUTION', 'SME']) type!: string;
  @IsString() @IsNotEmpty() industryCode!: string;
  @IsString() @Length(6, 6) regionCode!: string;
  @IsIn(['PROSPECT', 'ACTIVE', 'SUSPENDED', 'CHURNED']) status!: string;
}

export interface AccountsEventMap {
  AccountCreated: AccountCreatedPayload;
}

export const ACCOUNTS_EVENTS: EventDefinitions<AccountsEventMap> = {
  AccountCreated: { topic: ACCOUNTS_TOPIC, version: 1, payload: AccountCreatedPayload },
};
