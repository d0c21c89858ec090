/** Every subgraph: its name in the supergraph, its default URL and where its schema classes are. */
export const SUBGRAPHS = [
  {
    name: 'accounts',
    url: 'http://127.0.0.1:4001/graphql',
    api: async () => (await import('@gap/accounts/app/schema')).ACCOUNTS_API,
  },
  {
    name: 'tiering',
    url: 'http://127.0.0.1:4002/graphql',
    api: async () => (await import('@gap/tiering/app/schema')).TIERING_API,
  },
  {
    name: 'managers',
    url: 'http://127.0.0.1:4003/graphql',
    api: async () => (await import('@gap/managers/app/schema')).MANAGERS_API,
  },
  {
    name: 'coordination',
    url: 'http://127.0.0.1:4004/graphql',
    api: async () => (await import('@gap/coordination/app/schema')).COORDINATION_API,
  },
  {
    name: 'bundles',
    url: 'http://127.0.0.1:4005/graphql',
    api: async () => (await import('@gap/bundles/app/schema')).BUNDLES_API,
  },
  {
    name: 'partners',
    url: 'http://127.0.0.1:4006/graphql',
    api: async () => (await import('@gap/partners/app/schema')).PARTNERS_API,
  },
];
