// A real OpenID Connect provider for the end-to-end tests, on 127.0.0.1 only, on a port the system picks.
// Usage: node provider.mjs CONFIG_FILE
// It prints "oidc-provider listening on http://127.0.0.1:PORT" once it listens. CONFIG_FILE is JSON written by the
// test once the other servers are up (it may not exist at start): {dashboardUrl, shopUrl?, ingestUrl?, apiKey?}.
// It is read when a client is looked up or an event forwarded, so no server has to know another's port before
// that one has bound its own.
// Accounts: the login name is the account; "analyst", "auditor", "officer" and "admin" carry a dashboard
// role in the "roles" claim, any other name carries none.
// Clients: "auditdashboard" (the dashboard's own sign-in) and, with shopUrl, "shop": the relying-party test app,
// which may ask for refresh tokens (offline_access) and JWT access tokens for the orders API (resource indicator
// urn:orders-api, scope orders:read).
// With ingestUrl and apiKey, forwarder.mjs posts the provider's own events to the dashboard's ingest API as
// canonical events.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';
import MemoryAdapter from 'oidc-provider/lib/adapters/memory_adapter.js';
import { attachForwarder } from './forwarder.mjs';

const [, , configFile] = process.argv;
if (!configFile) {
  console.error('usage: node provider.mjs CONFIG_FILE');
  process.exit(2);
}
const config = () => {
  try {
    return JSON.parse(readFileSync(configFile, 'utf8'));
  } catch {
    return {};
  }
};
const ordersApi = 'urn:orders-api';
const roles = {
  analyst: ['SecurityAnalyst'],
  auditor: ['Auditor'],
  officer: ['ComplianceOfficer'],
  admin: ['Administrator'],
};

function clients() {
  const { dashboardUrl, shopUrl } = config();
  const list = [];
  if (dashboardUrl) {
    list.push({
      client_id: 'auditdashboard',
      client_secret: 'e2e-only-secret',
      redirect_uris: [`${dashboardUrl}/signin-oidc`],
      post_logout_redirect_uris: [`${dashboardUrl}/signout-callback-oidc`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    });
  }
  if (shopUrl) {
    list.push({
      client_id: 'shop',
      client_secret: 'e2e-only-shop-secret',
      redirect_uris: [`${shopUrl}/signin-oidc`],
      post_logout_redirect_uris: [`${shopUrl}/signout-callback-oidc`],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    });
  }
  return list;
}

// Clients come from the config file at look-up time; everything else the provider keeps in memory.
class TestAdapter extends MemoryAdapter {
  async find(id) {
    if (this.model === 'Client') return clients().find((c) => c.client_id === id);
    return super.find(id);
  }
}

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  adapter: TestAdapter,
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

attachForwarder(provider, () => config());

server.on('request', provider.callback());
console.log(`oidc-provider listening on ${issuer}`);
process.on('SIGTERM', () => process.exit(0));
