/** Every service with a REST API, and where its controllers are listed. */
export const REST_SERVICES = [
  {
    name: 'accounts',
    api: async () => (await import('@gap/accounts/app/rest-api')).ACCOUNTS_REST_API,
  },
];
