import type {
  Callback,
  ClockKind,
  CoordinationRequest,
  SlaClock,
  SlaPause,
} from '@gap/coordination/domain';

/** A request's SLA clocks: response (submitted → triaged) and resolution (triaged → resolved). */
export interface RequestClocks {
  readonly response: SlaClock | null;
  readonly resolution: SlaClock | null;
}

/** What `coordination.request.body` holds: the domain's aggregate and its clocks, whole. */
export interface RequestBody {
  readonly request: CoordinationRequest;
  readonly clocks: RequestClocks;
  readonly complaintCategory: string | null;
}

export function clockKey(kind: ClockKind): keyof RequestClocks {
  return kind === 'RESPONSE' ? 'response' : 'resolution';
}

type Json = Record<string, unknown>;

const date = (value: unknown): Date => new Date(value as string);
const dateOrNull = (value: unknown): Date | null =>
  value === null || value === undefined ? null : date(value);

function clockOf(json: unknown): SlaClock | null {
  if (json === null || json === undefined) return null;
  const c = json as Json;
  return {
    ...(c as unknown as SlaClock),
    startedAt: date(c['startedAt']),
    stoppedAt: dateOrNull(c['stoppedAt']),
    retargetedAt: dateOrNull(c['retargetedAt']),
    pauses: (c['pauses'] as Json[]).map((p): SlaPause => ({
      from: date(p['from']),
      to: dateOrNull(p['to']),
    })),
  };
}

/** The body as read from jsonb, its instants made Dates again. */
export function parseBody(json: unknown): RequestBody {
  const body = json as Json;
  const r = body['request'] as Json;
  const clocks = body['clocks'] as Json;
  return {
    complaintCategory: (body['complaintCategory'] as string | null) ?? null,
    request: {
      ...(r as unknown as CoordinationRequest),
      resolvedAt: dateOrNull(r['resolvedAt']),
      closedAt: dateOrNull(r['closedAt']),
      callbacks: (r['callbacks'] as Json[]).map((c): Callback => ({
        ...(c as unknown as Callback),
        calledAt: date(c['calledAt']),
      })),
    },
    clocks: { response: clockOf(clocks['response']), resolution: clockOf(clocks['resolution']) },
  };
}
