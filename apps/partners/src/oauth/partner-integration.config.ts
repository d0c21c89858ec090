import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ServiceConfig } from '@gap/config';

const asBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value;

/**
 * What the partners' integration needs besides every service's settings: the authorization
 * server partners get tokens from, their rate limits and webhook deliveries. The service's own
 * configuration extends this class.
 */
export class PartnerIntegrationConfig extends ServiceConfig {
  /**
   * Who issues partners' tokens: this service's own authorization server under `/oauth`
   * (`service`), or the operator's identity provider (`operator`), in which case `/oauth` is not
   * served and revocation is the identity provider's.
   */
  @IsIn(['service', 'operator']) PARTNERS_TOKEN_SOURCE: 'service' | 'operator' = 'service';
  /**
   * The private key set that signs partners' access tokens (JSON, `{"keys":[…]}`, ES256); when
   * unset, a key kept in the service's database and shared by its instances.
   */
  @IsOptional() @IsString() PARTNERS_OAUTH_SIGNING_JWKS?: string;
  /** Lifetime of a partner's access token: short, so that revocation costs little. */
  @IsInt() @Min(30) @Max(3600) PARTNERS_TOKEN_TTL_SECONDS: number = 300;
  /** How long a rotated client secret keeps working beside the new one. */
  @IsInt() @Min(0) @Max(24 * 30) PARTNERS_SECRET_OVERLAP_HOURS: number = 24;
  /** How long partner routes trust a client's status before asking the database again. */
  @IsInt() @Min(0) @Max(5) PARTNERS_CLIENT_STATUS_CACHE_SECONDS: number = 5;

  /** Requests a partner may make in one window across all instances. */
  @IsInt() @Min(1) PARTNERS_RATE_LIMIT_REQUESTS: number = 600;
  @IsInt() @Min(1) @Max(3600) PARTNERS_RATE_LIMIT_WINDOW_SECONDS: number = 60;

  /** Test mode only: webhooks may go to `http://127.0.0.1:<port>` (a local receiver). */
  @Transform(asBoolean) @IsBoolean() PARTNERS_WEBHOOKS_ALLOW_LOCAL_RECEIVER = false;
  @IsInt() @Min(100) @Max(60_000) PARTNERS_WEBHOOK_TIMEOUT_MS: number = 10_000;
  /**
   * How long a notification an endpoint keeps refusing is tried (backoff with jitter) before
   * it is dead-lettered, for the partner to replay: a day by default.
   */
  @IsInt() @Min(10) @Max(7 * 24 * 3600) PARTNERS_WEBHOOK_RETRY_WINDOW_SECONDS: number = 24 * 3600;

  /**
   * The issuer partners' tokens name, as partners reach the service (through the gateway in
   * production): AUTH_PARTNER_ISSUER, which every verifier of the platform trusts.
   */
  get oauthIssuer(): string {
    return (this.AUTH_PARTNER_ISSUER ?? `http://${this.HOST}:${this.PORT}/oauth`).replace(
      /\/$/,
      '',
    );
  }
}
