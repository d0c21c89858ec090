import { createHash } from 'node:crypto';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { DomainError } from '@gap/errors';

/** TMF `Hub_FVO`: where to post the events, and which. */
@ApiSchema({ name: 'Hub_FVO', description: 'A listener to register.' })
export class TmfHubBody {
  @ApiPropertyOptional({ enum: ['Hub'] })
  @IsOptional()
  @IsIn(['Hub'])
  '@type'?: string;

  @ApiProperty({ description: 'The listener’s URL.', maxLength: 2000 })
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  @MaxLength(2000)
  callback!: string;

  @ApiPropertyOptional({
    description: '`eventType=A,B` to receive only those events of the API.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  query?: string;
}

/** TMF `Hub`: a registered listener. */
@ApiSchema({ name: 'Hub', description: 'A listener of an API’s events.' })
export class TmfHubSchema {
  @ApiProperty() id!: string;
  @ApiProperty() href!: string;
  @ApiProperty({ enum: ['Hub'] }) '@type'!: string;
  @ApiProperty() callback!: string;
  @ApiPropertyOptional({ type: 'string', nullable: true }) query?: string | null;
  @ApiPropertyOptional({
    description:
      'A partner’s hub: the secret its deliveries are signed with (Standard Webhooks), answered once, on registration.',
  })
  secret?: string;
}

/**
 * The events a listener's `query` lets through, of those the API sends: `eventType=A,B` names
 * them; no query (or no `eventType`) wants them all.
 */
export function hubEventsWanted<T extends string>(
  query: string | null,
  eventTypes: readonly T[],
): T[] {
  const wanted = query ? new URLSearchParams(query).get('eventType') : null;
  if (wanted === null) return [...eventTypes];
  const names = wanted.split(',').map((name) => name.trim());
  return eventTypes.filter((type) => names.includes(type));
}

/** The query's problem, if any: only `eventType`, naming events the API sends, is understood. */
export function hubQueryProblem(query: string, eventTypes: readonly string[]): string | null {
  const params = new URLSearchParams(query);
  for (const [key, value] of params) {
    if (key !== 'eventType') return `unknown parameter ${key}`;
    const unknown = value.split(',').find((v) => !eventTypes.includes(v.trim()));
    if (unknown !== undefined) return `unknown event ${unknown}`;
  }
  return null;
}

/** A UUID (version 5 layout) from text: the same source always gives the same id. */
export function uuidOf(text: string): string {
  const hex = createHash('sha1').update(text).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A TMF Event (v5 `Event`) carrying the resource as it is now, under its name
 * (`event: { troubleTicket }`); its id follows from the platform event that caused it.
 */
export function tmfHubEvent(
  eventType: string,
  source: { readonly id: string; readonly occurredAt: string; readonly correlationId: string },
  domain: string,
  resource: Readonly<Record<string, Record<string, unknown>>>,
): Record<string, unknown> {
  return {
    '@type': eventType,
    '@baseType': 'Event',
    eventId: uuidOf(`${source.id}|${eventType}`),
    eventType,
    eventTime: new Date().toISOString(),
    timeOccurred: source.occurredAt,
    correlationId: source.correlationId,
    domain,
    title: eventType,
    event: resource,
  };
}

/** A listener that is not the caller's (another's, or none) is not found. */
export const tmfHubNotFound = (id: string): DomainError =>
  DomainError.notFound(
    'TMF_HUB_NOT_FOUND',
    { 'zh-CN': `没有您注册的监听 ${id}。`, en: `No listener ${id} of yours.` },
    'id',
  );
