import { ServiceConfig } from '@gap/config';

export class ManagersConfig extends ServiceConfig {
  override PORT = 4003;
}
