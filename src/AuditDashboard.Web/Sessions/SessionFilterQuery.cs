using System.Globalization;
using AuditDashboard.Core.Sessions;
using AuditDashboard.Web.Components.Shared;
using AuditDashboard.Web.Events;
using Microsoft.AspNetCore.WebUtilities;

namespace AuditDashboard.Web.Sessions;

/// <summary>The sessions list's filter, order and position as URL query parameters (from, to, user, client, ip as in the explorer).</summary>
public static class SessionFilterQuery
{
    private static readonly Dictionary<string, SessionSort> Sorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["last_seen"] = SessionSort.LastSeen, ["first_seen"] = SessionSort.FirstSeen, ["events"] = SessionSort.Events, ["failures"] = SessionSort.Failures,
    };

    public static string Name(SessionSort sort) => Sorts.First(s => s.Value == sort).Key;

    public static (SessionFilter Filter, SessionCursor? After, List<string> Errors) Parse(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        var errors = new List<string>();
        string? One(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        DateTime? Time(string key)
        {
            if (One(key) is not { } text) return null;
            if (UtcQueryTime.Parse(text) is { } t) return t;
            errors.Add($"'{text}' is not a date and time (use {EventFilterQuery.TimeFormat}, UTC)");
            return null;
        }
        var sort = SessionSort.LastSeen;
        if (One("sort") is { } s && !Sorts.TryGetValue(s, out sort)) errors.Add($"'{s}' is not an order of the sessions list ({string.Join(", ", Sorts.Keys)})");
        var filter = new SessionFilter
        {
            From = Time("from"), To = Time("to"), User = One("user"), Client = One("client"), Ip = One("ip"),
            WithFailures = One("failures") is "1" or "true", Spread = One("spread") is "1" or "true", Sort = sort,
        };
        errors.AddRange(filter.Validate());
        if (filter.Ip is not null && AuditDashboard.Core.Explorer.IpMatch.TryParse(filter.Ip) is null) filter = filter with { Ip = null };
        return (filter, SessionCursor.Parse(One("after")), errors);
    }

    public static string ToQueryString(SessionFilter f, SessionCursor? after = null)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) pairs.Add(new(key, value));
        }
        Add("from", f.From?.ToString(EventFilterQuery.TimeFormat, CultureInfo.InvariantCulture));
        Add("to", f.To?.ToString(EventFilterQuery.TimeFormat, CultureInfo.InvariantCulture));
        Add("user", f.User);
        Add("client", f.Client);
        Add("ip", f.Ip);
        if (f.WithFailures) Add("failures", "1");
        if (f.Spread) Add("spread", "1");
        if (f.Sort != SessionSort.LastSeen) Add("sort", Name(f.Sort));
        Add("after", after?.ToString());
        return Microsoft.AspNetCore.Http.QueryString.Create(pairs).ToString();
    }
}
