using System.Globalization;
using AuditDashboard.Core.Explorer;
using AuditDashboard.Web.Components.Shared;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace AuditDashboard.Web.Events;

/// <summary>The explorer's filter as URL query parameters, so a link reproduces the view.</summary>
public static class EventFilterQuery
{
    public const string TimeFormat = "yyyy-MM-ddTHH:mm";

    /// <summary>The order a URL asks for: <c>sort=oldest</c>, else newest first.</summary>
    public static EventSort Sort(string? value) => string.Equals(value, "oldest", StringComparison.OrdinalIgnoreCase) ? EventSort.Oldest : EventSort.Newest;

    public static (EventFilter Filter, List<string> Errors) Parse(IDictionary<string, StringValues> query)
    {
        var errors = new List<string>();
        string? One(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        DateTime? Time(string key)
        {
            var text = One(key);
            if (text is null) return null;
            if (UtcQueryTime.Parse(text) is { } t) return t;
            errors.Add($"'{text}' is not a date and time (use {TimeFormat}, UTC)");
            return null;
        }
        var types = query.TryGetValue("type", out var t) ? t.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x!.Trim()).ToList() : [];
        foreach (var unknown in types.Where(x => !AuditDashboard.Core.Events.EventTypes.IsKnown(x)).ToList())
        {
            errors.Add($"'{unknown}' is not an event type");
            types.Remove(unknown);
        }
        var outcome = One("outcome");
        if (outcome is not null && !AuditDashboard.Core.Events.Outcomes.All.Contains(outcome))
        {
            errors.Add($"'{outcome}' is not an outcome");
            outcome = null;
        }
        var filter = new EventFilter
        {
            From = Time("from"),
            To = Time("to"),
            EventTypes = types,
            Outcome = outcome,
            User = One("user"),
            Client = One("client"),
            Session = One("session"),
            Correlation = One("correlation"),
            Trace = One("trace"),
            Ip = One("ip"),
            Country = One("country"),
            Source = One("source"),
            Text = One("q"),
        };
        errors.AddRange(filter.Validate());
        if (filter.Ip is not null && IpMatch.TryParse(filter.Ip) is null) filter = filter with { Ip = null };
        return (filter, errors);
    }

    public static (EventFilter Filter, List<string> Errors) Parse(string uri)
    {
        var query = new Uri(uri).Query;
        return Parse(QueryHelpers.ParseQuery(query));
    }

    /// <summary>The filter, and optionally a position and an order, as a query string.</summary>
    public static string ToQueryString(EventFilter f, EventCursor? after = null, EventCursor? before = null, EventSort sort = EventSort.Newest)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) pairs.Add(new(key, value));
        }
        Add("from", f.From?.ToString(TimeFormat, CultureInfo.InvariantCulture));
        Add("to", f.To?.ToString(TimeFormat, CultureInfo.InvariantCulture));
        foreach (var type in f.EventTypes) Add("type", type);
        Add("outcome", f.Outcome);
        Add("user", f.User);
        Add("client", f.Client);
        Add("session", f.Session);
        Add("correlation", f.Correlation);
        Add("trace", f.Trace);
        Add("ip", f.Ip);
        Add("country", f.Country);
        Add("source", f.Source);
        Add("q", f.Text);
        if (sort != EventSort.Newest) Add("sort", "oldest");
        Add("after", after?.ToString());
        Add("before", before?.ToString());
        return QueryString.Create(pairs).ToString();
    }
}
