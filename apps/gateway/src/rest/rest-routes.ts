/**
 * Which service owns each REST area. `/api/v1/<area>/…` is the platform's own REST API;
 * `/tmf-api/<api>/…` carries TM Forum Open APIs (e.g. `customerManagement`) for partners. A
 * service adds an area here, and its URL comes from the gateway's config like its subgraph's.
 */
export const API_AREAS: Readonly<Record<string, string>> = {
  accounts: 'accounts',
  coordination: 'coordination',
  bundles: 'bundles',
  partners: 'partners',
};

/**
 * Paths a caller reaches without a bearer token, each owned by a service: the partners'
 * authorization server, where a partner trades its client credentials for a token.
 */
export const PUBLIC_PATHS: Readonly<Record<string, string>> = {
  oauth: 'partners',
};

export const TMF_APIS: Readonly<Record<string, string>> = {
  troubleTicket: 'coordination',
  partyManagement: 'partners',
  customerManagement: 'partners',
};

export interface RestTarget {
  /** The owning service, as named in the supergraph and the config. */
  readonly service: string;
  /** Where the service listens: its subgraph URL without the `/graphql` path. */
  readonly origin: string;
  /** Reached without a bearer token (the service authenticates the caller its own way). */
  readonly public?: boolean;
}

/** The service's base URL from its subgraph URL (`http://host:4001/graphql` → `http://host:4001`). */
export function serviceBaseUrl(subgraphUrl: string): string {
  const url = new URL(subgraphUrl);
  return `${url.origin}${url.pathname.replace(/\/graphql\/?$/, '').replace(/\/$/, '')}`;
}

const API_PATH = /^\/api\/v\d+\/([^/?#]+)/;
const TMF_PATH = /^\/tmf-api\/([^/?#]+)/;
const PUBLIC_PATH = /^\/([^/?#]+)\//;

/** The routing table of the REST edge: a request path → the service that answers it. */
export class RestRoutes {
  private readonly api: ReadonlyMap<string, RestTarget>;
  private readonly tmf: ReadonlyMap<string, RestTarget>;
  private readonly open: ReadonlyMap<string, RestTarget>;

  constructor(
    subgraphUrls: Readonly<Record<string, string>>,
    apiAreas: Readonly<Record<string, string>> = API_AREAS,
    tmfApis: Readonly<Record<string, string>> = TMF_APIS,
    publicPaths: Readonly<Record<string, string>> = PUBLIC_PATHS,
  ) {
    const targets = (table: Readonly<Record<string, string>>) =>
      new Map(
        Object.entries(table).map(([area, service]) => {
          const url = subgraphUrls[service];
          if (!url) throw new Error(`REST area ${area} names ${service}, which has no URL.`);
          return [area, { service, origin: serviceBaseUrl(url) }] as const;
        }),
      );
    this.api = targets(apiAreas);
    this.tmf = targets(tmfApis);
    this.open = new Map(
      [...targets(publicPaths)].map(([path, target]) => [path, { ...target, public: true }]),
    );
  }

  /** The service owning `path` (a request's path and query), if any. */
  resolve(path: string): RestTarget | undefined {
    const api = API_PATH.exec(path)?.[1];
    if (api) return this.api.get(api);
    const tmf = TMF_PATH.exec(path)?.[1];
    if (tmf) return this.tmf.get(tmf);
    const open = PUBLIC_PATH.exec(path)?.[1];
    return open ? this.open.get(open) : undefined;
  }

  /** Every service the edge may proxy to, once each. */
  targets(): RestTarget[] {
    const byOrigin = new Map<string, RestTarget>();
    for (const target of [...this.api.values(), ...this.tmf.values()]) {
      byOrigin.set(target.origin, target);
    }
    return [...byOrigin.values()];
  }
}
