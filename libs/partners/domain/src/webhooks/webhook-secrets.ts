/** A webhook endpoint's signing secrets: the current one, and the one it replaced while valid. */
export interface EndpointSecrets {
  readonly current: string;
  readonly previous?: string | null;
  /** Until when the previous secret still signs (the rotation's overlap window). */
  readonly previousValidUntil?: Date | null;
}

/** The secrets that sign a message sent at `now`: the new first, the old during the overlap. */
export function signingSecrets(secrets: EndpointSecrets, now: Date): string[] {
  const { current, previous, previousValidUntil } = secrets;
  if (previous && previousValidUntil && previousValidUntil.getTime() > now.getTime()) {
    return [current, previous];
  }
  return [current];
}
