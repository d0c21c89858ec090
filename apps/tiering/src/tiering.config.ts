import { ServiceConfig } from '@gap/config';

export class TieringConfig extends ServiceConfig {
  override PORT = 4002;
}
