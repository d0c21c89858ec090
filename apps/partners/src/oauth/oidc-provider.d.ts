// The parts of oidc-provider 8 the partners service uses (the package ships no types).
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface AdapterPayload {
    readonly [key: string]: unknown;
  }

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface ProviderClient {
    readonly clientId: string;
    compareClientSecret(actual: string): Promise<boolean> | boolean;
  }

  export interface ProviderToken {
    readonly clientId?: string;
    readonly kind: string;
  }

  export interface ResourceServer {
    readonly scope: string;
    readonly audience: string;
    readonly accessTokenTTL: number;
    readonly accessTokenFormat: 'jwt' | 'opaque';
    readonly jwt?: { readonly sign: { readonly alg: string } };
  }

  export interface ProviderContext {
    readonly oidc: { readonly client?: ProviderClient };
  }

  export interface MetadataClient {
    readonly clientId: string;
    readonly scope?: string;
  }

  export interface Configuration {
    readonly adapter: (name: string) => Adapter;
    readonly clients?: readonly AdapterPayload[];
    readonly jwks: { readonly keys: readonly object[] };
    readonly scopes: readonly string[];
    readonly claims?: Readonly<Record<string, readonly string[]>>;
    readonly features: Readonly<Record<string, unknown>>;
    readonly clientDefaults?: AdapterPayload;
    readonly cookies?: { readonly keys: readonly string[] };
    readonly clientAuthMethods?: readonly string[];
    readonly responseTypes?: readonly string[];
    readonly ttl: Readonly<Record<string, number>>;
    readonly extraTokenClaims?: (
      ctx: ProviderContext,
      token: ProviderToken,
    ) => Promise<AdapterPayload | undefined>;
    readonly renderError?: (ctx: unknown, out: AdapterPayload, error: Error) => void;
  }

  export const errors: {
    InvalidTarget: new (description?: string) => Error;
  };

  export interface ClientClass {
    prototype: ProviderClient;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    readonly Client: ClientClass;
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
