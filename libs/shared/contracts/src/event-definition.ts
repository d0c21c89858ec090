export interface EventDefinition<P> {
  /** The producing service's topic, `<service>.events.v<n>`. */
  readonly topic: string;
  /** Schema version of the payload; a breaking change is a new version, not an edit. */
  readonly version: number;
  readonly payload: new () => P;
}

export type EventDefinitions<M> = { readonly [T in keyof M]: EventDefinition<M[T]> };

/** Where consumers that could not apply an event put it, with the error, and move on. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
