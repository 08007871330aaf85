// A real OpenID Connect provider for the end-to-end tests, on 127.0.0.1 only.
// Usage: node provider.mjs PORT DASHBOARD_URL [SHOP_URL]
// Accounts: the login name is the account; "analyst", "auditor", "officer" and "admin" carry a dashboard
// role in the "roles" claim, any other name carries none.
// Clients: "auditdashboard" (the dashboard's own sign-in) and, with SHOP_URL, "shop": the relying-party test app,
// which may ask for refresh tokens (offline_access) and JWT access tokens for the orders API (resource indicator
// urn:orders-api, scope orders:read).
// With AUDITDASH_INGEST_URL and AUDITDASH_API_KEY set, forwarder.mjs posts the provider's own events to the
// dashboard's ingest API as canonical events.
import Provider from 'oidc-provider';
import { attachForwarder } from './forwarder.mjs';

const [, , port, dashboardUrl, shopUrl] = process.argv;
if (!port || !dashboardUrl) {
  console.error('usage: node provider.mjs PORT DASHBOARD_URL [SHOP_URL]');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;
const ordersApi = 'urn:orders-api';
const roles = {
  analyst: ['SecurityAnalyst'],
  auditor: ['Auditor'],
  officer: ['ComplianceOfficer'],
  admin: ['Administrator'],
};

const clients = [{
  client_id: 'auditdashboard',
  client_secret: 'e2e-only-secret',
  redirect_uris: [`${dashboardUrl}/signin-oidc`],
  post_logout_redirect_uris: [`${dashboardUrl}/signout-callback-oidc`],
  grant_types: ['authorization_code'],
  response_types: ['code'],
  token_endpoint_auth_method: 'client_secret_post',
}];
if (shopUrl) {
  clients.push({
    client_id: 'shop',
    client_secret: 'e2e-only-shop-secret',
    redirect_uris: [`${shopUrl}/signin-oidc`],
    post_logout_redirect_uris: [`${shopUrl}/signout-callback-oidc`],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  });
}

const provider = new Provider(issuer, {
  clients,
  claims: { openid: ['sub'], profile: ['name', 'roles'] },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, name: `${id}@provider.test`, roles: roles[id] ?? [] };
      },
    };
  },
  features: {
    devInteractions: { enabled: true },
    // The shop asks for the "sid" claim in its ID token so that its events and the provider's share a session id.
    claimsParameter: { enabled: true },
    revocation: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // Refresh and code grants keep the resource the user consented to.
      useGrantedResource: () => true,
      getResourceServerInfo(ctx, resource) {
        if (resource !== ordersApi) throw new Provider.errors.InvalidTarget();
        return { scope: 'orders:read', audience: ordersApi, accessTokenFormat: 'jwt', accessTokenTTL: 600 };
      },
    },
  },
  // The session id travels in the orders API's access tokens too, as Keycloak and Entra do by default.
  extraTokenClaims(ctx, token) {
    return token.kind === 'AccessToken' && token.sid ? { sid: token.sid } : undefined;
  },
  // Every refresh hands out a new refresh token, so the test sees rotation.
  rotateRefreshToken: true,
  pkce: { required: () => true },
  cookies: { keys: ['e2e-only-cookie-key'] },
});

// The provider's built-in pages import a web font from the internet; tests never leave this machine, so every
// page it renders is served with its own styles only.
provider.use(async (ctx, next) => {
  await next();
  if (typeof ctx.body === 'string' && ctx.type?.includes('html')) {
    ctx.body = ctx.body.replace(/@import url\([^)]*\);?/g, '').replace(/<link[^>]+href="https?:\/\/(?!127\.0\.0\.1)[^"]*"[^>]*>/g, '');
  }
});

attachForwarder(provider, process.env.AUDITDASH_INGEST_URL, process.env.AUDITDASH_API_KEY);

provider.listen(Number(port), '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
process.on('SIGTERM', () => process.exit(0));
