namespace AuditDashboard.Core.Events;

/// <summary>The snake_case field names of the canonical schema, in canonical order.</summary>
public static class EventFields
{
    public const string EventId = "event_id";
    public const string Timestamp = "timestamp";
    public const string EventType = "event_type";
    public const string Outcome = "outcome";
    public const string Reason = "reason";
    public const string Source = "source";
    public const string UserId = "user_id";
    public const string Username = "username";
    public const string ClientId = "client_id";
    public const string SessionId = "session_id";
    public const string CorrelationId = "correlation_id";
    public const string TraceId = "trace_id";
    public const string TokenId = "token_id";
    public const string TokenType = "token_type";
    public const string ParentTokenId = "parent_token_id";
    public const string GrantType = "grant_type";
    public const string Scope = "scope";
    public const string Roles = "roles";
    public const string Issuer = "issuer";
    public const string Audience = "audience";
    public const string Endpoint = "endpoint";
    public const string HttpMethod = "http_method";
    public const string HttpStatus = "http_status";
    public const string Resource = "resource";
    public const string Ip = "ip";
    public const string UserAgent = "user_agent";
    public const string Geo = "geo";
    public const string Attributes = "attributes";

    public static IReadOnlySet<string> Accepted { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        EventId, Timestamp, EventType, Outcome, Reason, Source, UserId, Username, ClientId, SessionId,
        CorrelationId, TraceId, TokenId, TokenType, ParentTokenId, GrantType, Scope, Roles, Issuer, Audience,
        Endpoint, HttpMethod, HttpStatus, Resource, Ip, UserAgent, Geo, Attributes,
    };
}
