// A real OpenID Connect provider for the sign-in end-to-end tests, on 127.0.0.1 only.
// Usage: node provider.mjs PORT DASHBOARD_URL
// Accounts: the login name is the account; "analyst", "auditor", "officer" and "admin" carry a dashboard
// role in the "roles" claim, any other name carries none.
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

provider.listen(Number(port), '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
process.on('SIGTERM', () => process.exit(0));
