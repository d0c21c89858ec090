import { ServiceConfig } from '@gap/config';

export class CoordinationConfig extends ServiceConfig {
  override PORT = 4004;
}
