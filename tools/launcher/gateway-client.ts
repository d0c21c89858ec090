/** How long an idempotent call waits for a service the supervisor is restarting. */
const RETRY_UNAVAILABLE_MS = 60_000;

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The demo's client of the gateway: GraphQL over HTTP with a token. */
export class Gateway {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  /**
   * One request. An idempotent one (an upserting import, a query) is tried again while the
   * service it needs is unavailable (being restarted by the supervisor).
   */
  async call<T>(
    what: string,
    query: string,
    variables: object = {},
    { idempotent = false } = {},
  ): Promise<T> {
    const started = Date.now();
    let answer = await this.post(query, variables);
    while (
      idempotent &&
      answer.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE') &&
      Date.now() - started < RETRY_UNAVAILABLE_MS
    ) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      answer = await this.post(query, variables);
    }
    if (answer.errors?.length || !answer.data) {
      throw new Error(`Seeding ${what} failed: ${answer.errors?.map((e) => e.message).join('; ')}`);
    }
    return answer.data as T;
  }

  private async post(query: string, variables: object): Promise<GraphQLAnswer> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLAnswer;
  }
}
