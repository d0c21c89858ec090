/** Every service with a REST API, and where its controllers are listed. */
export const REST_SERVICES = [
  {
    name: 'accounts',
    api: async () => (await import('@gap/accounts/app/rest-api')).ACCOUNTS_REST_API,
  },
  {
    name: 'coordination',
    api: async () => (await import('@gap/coordination/app/rest-api')).COORDINATION_REST_API,
  },
  {
    name: 'bundles',
    api: async () => (await import('@gap/bundles/app/rest-api')).BUNDLES_REST_API,
  },
  {
    name: 'partners',
    api: async () => (await import('@gap/partners/app/rest-api')).PARTNERS_REST_API,
  },
];
