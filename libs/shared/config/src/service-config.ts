import { Transform } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
} from 'class-validator';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The embedded PostgreSQL server started by `npm start`. */
export const EMBEDDED_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:54329/group_platform';
export const DEV_JWKS_FILE = '.data/dev-auth/jwks.json';
export const DEV_ISSUER = 'https://auth.group-platform.local';
export const AUDIENCE = 'group-account-platform';

const splitList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

/** What every app needs: where it listens, how it logs, whose tokens it trusts. */
export class AppConfig {
  @IsIn(NODE_ENVS) NODE_ENV: (typeof NODE_ENVS)[number] = 'development';
  @IsIn(LOG_LEVELS) LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
  @IsString() HOST = '127.0.0.1';
  @IsInt() @Min(0) @Max(65535) PORT: number = 0;

  @IsString() AUTH_ISSUER = DEV_ISSUER;
  @IsString() AUTH_AUDIENCE = AUDIENCE;
  /** The identity provider's key set; when unset, the local development key set file. */
  @IsOptional() @IsUrl({ require_tld: false }) AUTH_JWKS_URL?: string;
  @IsString() AUTH_JWKS_FILE = DEV_JWKS_FILE;
  /** How long a verified token is remembered (never past its expiry); 0 checks every request. */
  @IsInt() @Min(0) @Max(3600) AUTH_CACHE_SECONDS: number = 60;
  /**
   * A further issuer whose tokens are accepted with the PARTNER role only: the partners
   * service's authorization server (or the operator's identity provider for partners).
   */
  @IsOptional() @IsUrl({ require_tld: false }) AUTH_PARTNER_ISSUER?: string;
  /** Its key set; by default its issuer followed by `/jwks`. */
  @IsOptional() @IsUrl({ require_tld: false }) AUTH_PARTNER_JWKS_URL?: string;

  get production(): boolean {
    return this.NODE_ENV === 'production';
  }
}

/** What every service adds: its database and its event transport. */
export class ServiceConfig extends AppConfig {
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false })
  DATABASE_URL = EMBEDDED_DATABASE_URL;

  @IsIn(['postgres', 'kafka']) EVENT_TRANSPORT: 'postgres' | 'kafka' = 'postgres';
  @Transform(splitList)
  @ArrayNotEmpty()
  @IsString({ each: true })
  KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];
  @IsInt() @Min(1) KAFKA_REPLICATION_FACTOR: number = 1;
  /**
   * Partitions of each topic the services create: the instances of one service (one consumer
   * group) share a topic's partitions, so this is how many of them can work at once.
   */
  @IsInt() @Min(1) @Max(1000) KAFKA_PARTITIONS: number = 6;
  /** Events a consumer applies in one transaction at most, on either transport. */
  @IsInt() @Min(1) @Max(10_000) EVENT_BATCH_SIZE: number = 500;
  /**
   * Put before every topic name: environments (or test runs) that share one cluster each see
   * only their own events. Empty by default: the topics are named as the contracts name them.
   */
  @Matches(/^[A-Za-z0-9._-]*$/, {
    message: 'KAFKA_TOPIC_PREFIX may hold letters, digits, ".", "_" and "-"',
  })
  KAFKA_TOPIC_PREFIX = '';
}
