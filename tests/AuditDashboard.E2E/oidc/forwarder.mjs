// Turns oidc-provider's own events into AuditDashboard canonical events (docs/events.md) and posts them to the
// ingest API, one at a time and in order. Tokens are named by id, never by value: a JWT access token by its jti
// (public, it is inside the token), an opaque token by the SHA-256 of its value (for opaque tokens oidc-provider's
// jti *is* the value), the same ids the AuditDashboard collector gives them on the client and API side.
// The W3C trace id of the request that caused an event (a relying party's back-channel call carries a
// traceparent header) links the provider's events to the caller's.
import { createHash, randomUUID } from 'node:crypto';

const source = 'oidc-provider:e2e';

// settings() gives {ingestUrl, apiKey}, read at each event: the test names the dashboard after the provider started.
export function attachForwarder(provider, settings) {
  let delivery = Promise.resolve();
  // Tokens handed out per grant, so that revoking a grant can name each token it ends; and those already reported ended.
  const grants = new Map();
  const ended = new Set();

  // A refusal is logged, never retried: the tests would see the event missing.
  function forward(event) {
    const { ingestUrl, apiKey } = settings();
    if (!ingestUrl || !apiKey) return;
    const body = JSON.stringify({ event_id: randomUUID(), timestamp: new Date().toISOString(), source, ...event });
    delivery = delivery
      .then(() => fetch(ingestUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body }))
      .then(async (response) => { if (!response.ok) console.error(`forwarder: ${response.status} ${await response.text()}`); })
      .catch((error) => console.error(`forwarder: ${error.message}`));
  }

  const hash = (value) => `sha256:${createHash('sha256').update(value).digest('hex')}`;
  const tokenId = (token) => (token.kind === 'AccessToken' && token.format === 'jwt' ? token.jti : hash(token.jti));

  function request(ctx) {
    const trace = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(ctx.get('traceparent') ?? '');
    return {
      ip: ctx.ip,
      user_agent: ctx.get('user-agent') || undefined,
      endpoint: ctx.path,
      http_method: ctx.method,
      trace_id: trace && !/^0+$/.test(trace[1]) ? trace[1] : undefined,
    };
  }

  function tokenEvent(ctx, eventType, token, parent) {
    const type = token.kind === 'AccessToken' ? 'access_token' : 'refresh_token';
    const id = tokenId(token);
    if (token.grantId) {
      if (!grants.has(token.grantId)) grants.set(token.grantId, []);
      grants.get(token.grantId).push({ id, type, sid: token.sid, user: token.accountId, client: token.clientId });
    }
    forward({
      event_type: eventType,
      outcome: 'success',
      token_type: type,
      token_id: id,
      parent_token_id: parent ? tokenId(parent) : undefined,
      client_id: token.clientId,
      user_id: token.accountId,
      session_id: token.sid,
      grant_type: ctx.oidc.params.grant_type,
      scope: token.scope,
      audience: token.resourceServer?.audience,
      attributes: { provider_event: 'grant.success', grant_id: token.grantId },
      ...request(ctx),
    });
  }

  provider.on('authorization.success', (ctx) => {
    const clientId = ctx.oidc.client?.clientId;
    forward({
      event_type: 'authorization_request',
      outcome: 'success',
      client_id: clientId,
      user_id: ctx.oidc.session?.accountId,
      session_id: clientId ? ctx.oidc.session?.sidFor(clientId) : undefined,
      scope: ctx.oidc.params?.scope,
      attributes: { provider_event: 'authorization.success', response_type: ctx.oidc.params?.response_type },
      ...request(ctx),
    });
  });

  provider.on('authorization.error', (ctx, error) => forward({
    event_type: 'authorization_request',
    outcome: 'failure',
    reason: error.error ?? error.message,
    client_id: ctx.oidc?.client?.clientId,
    attributes: { provider_event: 'authorization.error', error_description: error.error_description },
    ...request(ctx),
  }));

  provider.on('grant.success', (ctx) => {
    const { AccessToken: access, RefreshToken: refresh, RotatedRefreshToken: rotated } = ctx.oidc.entities;
    if (ctx.oidc.params.grant_type === 'refresh_token') {
      // The refresh token presented is the rotated one when it was replaced, else the one still in use.
      const presented = rotated ?? refresh;
      if (access) tokenEvent(ctx, 'token_refreshed', access, presented);
      if (rotated && refresh) tokenEvent(ctx, 'token_refreshed', refresh, rotated);
    } else {
      if (access) tokenEvent(ctx, 'token_issued', access);
      if (refresh) tokenEvent(ctx, 'token_issued', refresh);
    }
  });

  provider.on('grant.error', (ctx, error) => forward({
    event_type: ctx.oidc?.params?.grant_type === 'refresh_token' ? 'token_refreshed' : 'token_issued',
    outcome: 'failure',
    reason: error.error ?? error.message,
    client_id: ctx.oidc?.client?.clientId,
    grant_type: ctx.oidc?.params?.grant_type,
    attributes: { provider_event: 'grant.error', error_description: error.error_description },
    ...request(ctx),
  }));

  // A token ended at the revocation endpoint (or by refresh-token reuse detection).
  for (const kind of ['access_token', 'refresh_token']) {
    provider.on(`${kind}.destroyed`, (token) => {
      ended.add(tokenId(token));
      forward({
        event_type: 'token_revoked',
        outcome: 'success',
        token_type: kind,
        token_id: tokenId(token),
        client_id: token.clientId,
        user_id: token.accountId,
        session_id: token.sid,
        attributes: { provider_event: `${kind}.destroyed`, grant_id: token.grantId },
      });
    });
  }

  // Revoking a refresh token revokes its whole grant: every token issued under it ends.
  provider.on('grant.revoked', (ctx, grantId) => {
    for (const token of (grants.get(grantId) ?? []).filter((t) => !ended.has(t.id))) {
      forward({
        event_type: 'token_revoked',
        outcome: 'success',
        token_type: token.type,
        token_id: token.id,
        client_id: token.client,
        user_id: token.user,
        session_id: token.sid,
        attributes: { provider_event: 'grant.revoked', grant_id: grantId },
        ...request(ctx),
      });
    }
    grants.delete(grantId);
  });

  // One logout per client the session had signed in to, each with that client's session id.
  provider.on('end_session.success', (ctx) => {
    const session = ctx.oidc.session;
    const authorizations = Object.entries(session?.authorizations ?? {});
    for (const [clientId, authorization] of authorizations.length ? authorizations : [[ctx.oidc.client?.clientId, {}]]) {
      forward({
        event_type: 'logout',
        outcome: 'success',
        client_id: clientId,
        user_id: session?.accountId,
        session_id: authorization.sid,
        attributes: { provider_event: 'end_session.success' },
        ...request(ctx),
      });
    }
  });
}
