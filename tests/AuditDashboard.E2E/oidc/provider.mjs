// A real OpenID Connect provider for the sign-in end-to-end tests, on 127.0.0.1 only.
// Usage: node provider.mjs PORT DASHBOARD_URL
// Accounts: the login name is the account; "analyst", "auditor", "officer" and "admin" carry a dashboard
// role in the "roles" claim, any other name carries none.
// With AUDITDASH_INGEST_URL and AUDITDASH_API_KEY set, a forwarder posts the provider's own events (authorization,
// token issuance, errors, sign-out) to the dashboard's ingest API as canonical events: tokens by hash, never raw.
import { createHash, randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';

const [, , port, dashboardUrl] = process.argv;
if (!port || !dashboardUrl) {
  console.error('usage: node provider.mjs PORT DASHBOARD_URL');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;
const roles = {
  analyst: ['SecurityAnalyst'],
  auditor: ['Auditor'],
  officer: ['ComplianceOfficer'],
  admin: ['Administrator'],
};

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'auditdashboard',
    client_secret: 'e2e-only-secret',
    redirect_uris: [`${dashboardUrl}/signin-oidc`],
    post_logout_redirect_uris: [`${dashboardUrl}/signout-callback-oidc`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  claims: { openid: ['sub'], profile: ['name', 'roles'] },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, name: `${id}@provider.test`, roles: roles[id] ?? [] };
      },
    };
  },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['e2e-only-cookie-key'] },
});

const ingestUrl = process.env.AUDITDASH_INGEST_URL;
const apiKey = process.env.AUDITDASH_API_KEY;
const source = 'oidc-provider:e2e';
const tokenId = (value) => `sha256:${createHash('sha256').update(value).digest('hex')}`;
let delivery = Promise.resolve();

// One event at a time, in order; a refusal is logged, never retried (the test would see it missing).
function forward(event) {
  if (!ingestUrl || !apiKey) return;
  const body = JSON.stringify({ event_id: randomUUID(), timestamp: new Date().toISOString(), source, ...event });
  delivery = delivery
    .then(() => fetch(ingestUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body }))
    .then(async (response) => { if (!response.ok) console.error(`forwarder: ${response.status} ${await response.text()}`); })
    .catch((error) => console.error(`forwarder: ${error.message}`));
}

function request(ctx) {
  return { ip: ctx.ip, user_agent: ctx.get('user-agent') || undefined, endpoint: ctx.path, http_method: ctx.method };
}

provider.on('authorization.success', (ctx) => forward({
  event_type: 'authorization_request', outcome: 'success', client_id: ctx.oidc.client?.clientId,
  user_id: ctx.oidc.session?.accountId, ...request(ctx),
}));
provider.on('authorization.error', (ctx, error) => forward({
  event_type: 'authorization_request', outcome: 'failure', reason: error.error ?? error.message, client_id: ctx.oidc?.client?.clientId, ...request(ctx),
}));
// An opaque token is stored ("saved"), a JWT one only "issued"; for an opaque token the jti is the token itself.
for (const name of ['access_token.saved', 'access_token.issued']) {
  provider.on(name, (token) => forward({
    event_type: 'token_issued', outcome: 'success', token_type: 'access_token', token_id: tokenId(token.jti),
    client_id: token.clientId, user_id: token.accountId, grant_type: token.gty, scope: token.scope,
  }));
}
provider.on('grant.error', (ctx, error) => forward({
  event_type: 'token_issued', outcome: 'failure', reason: error.error ?? error.message, client_id: ctx.oidc?.client?.clientId, ...request(ctx),
}));
provider.on('end_session.success', (ctx) => forward({
  event_type: 'logout', outcome: 'success', client_id: ctx.oidc.client?.clientId, ...request(ctx),
}));

provider.listen(Number(port), '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
process.on('SIGTERM', () => process.exit(0));
