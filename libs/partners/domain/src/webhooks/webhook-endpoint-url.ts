/** What an endpoint address may be; addresses are checked again on every connection. */
export interface EndpointUrlRules {
  /** Test mode only: lets `http://127.0.0.1:<port>` receive (a local receiver). */
  readonly allowLocalHttpReceiver: boolean;
}

export type EndpointUrlProblem =
  'NOT_A_URL' | 'HTTPS_REQUIRED' | 'CREDENTIALS_IN_URL' | 'FRAGMENT_IN_URL' | 'TOO_LONG';

export const MAX_ENDPOINT_URL_LENGTH = 2_000;

/** The loopback receiver test mode allows, and nothing else on plain http. */
export const LOCAL_RECEIVER_HOST = '127.0.0.1';

/**
 * Why `value` cannot be an endpoint address, or null when it can. Whether its host resolves to
 * an address that may be called is decided at each delivery, after DNS resolution.
 */
export function endpointUrlProblem(
  value: string,
  rules: EndpointUrlRules,
): EndpointUrlProblem | null {
  if (value.length > MAX_ENDPOINT_URL_LENGTH) return 'TOO_LONG';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'NOT_A_URL';
  }
  if (url.username || url.password) return 'CREDENTIALS_IN_URL';
  if (url.hash) return 'FRAGMENT_IN_URL';
  if (url.protocol === 'https:') return null;
  if (
    url.protocol === 'http:' &&
    rules.allowLocalHttpReceiver &&
    url.hostname === LOCAL_RECEIVER_HOST
  ) {
    return null;
  }
  return url.protocol === 'http:' ? 'HTTPS_REQUIRED' : 'NOT_A_URL';
}
