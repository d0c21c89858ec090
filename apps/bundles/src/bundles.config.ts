import { IsInt, Max, Min } from 'class-validator';
import { ServiceConfig } from '@gap/config';

export class BundlesConfig extends ServiceConfig {
  override PORT = 4005;
  /** How often sent proposals past their validity are expired. */
  @IsInt() @Min(1) @Max(86_400) PROPOSAL_EXPIRY_EVERY_SECONDS = 300;
}
