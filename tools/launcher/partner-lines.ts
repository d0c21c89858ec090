import type { DemoPartnerClient } from './seed-partner-leads.js';

/** How the newcomer plays the demo partner's system: a token, a first lead, a webhook receiver. */
export function partnerLines(origin: string, partner: DemoPartnerClient): string {
  return `
  A partner's system (${partner.partnerName}; the secret is new on every start):
  CLIENT_ID=${partner.clientId}
  CLIENT_SECRET=${partner.clientSecret}
  PARTNER_TOKEN=$(curl -s ${origin}/oauth/token -u "$CLIENT_ID:$CLIENT_SECRET" \\
    -d grant_type=client_credentials -d scope='leads:write leads:read customers:read' | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
  curl -s ${origin}/api/v1/partners/leads -H "authorization: Bearer $PARTNER_TOKEN" \\
    -H 'content-type: application/json' -H "idempotency-key: $(cat /proc/sys/kernel/random/uuid)" \\
    -d '{"kind":"LEAD","companyName":"福州海峡云图信息技术有限公司","regionCode":"350102","industrySection":"I"}'
  The companies it brought, as TM Forum organizations (TMF632; customers are TMF629):
  curl -s '${origin}/tmf-api/partyManagement/v5/organization?fields=name,status' \\
    -H "authorization: Bearer $PARTNER_TOKEN"
  Its webhooks, signed and verified, on this machine:
  npm run partners:receiver -- --client-id "$CLIENT_ID" --client-secret "$CLIENT_SECRET"
`;
}
