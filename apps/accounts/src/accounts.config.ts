import { ServiceConfig } from '@gap/config';

export class AccountsConfig extends ServiceConfig {
  override PORT = 4001;
}
