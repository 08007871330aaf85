using Microsoft.AspNetCore.Components;

namespace AuditDashboard.Web.Events;

/// <summary>
/// A page whose view is the explorer filter in its URL (the explorer, the sessions list). The filter's query
/// parameters are supplied to the page, so following a link or applying a filter sets them and the page loads again
/// through <see cref="OnParametersSetAsync"/>, as every other page does; the filter itself is parsed whole from the
/// URL by <see cref="EventFilterQuery"/>.
/// </summary>
public abstract class EventFilterPage : ComponentBase
{
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "type")] public string[]? Types { get; set; }
    [SupplyParameterFromQuery(Name = "outcome")] public string? Outcome { get; set; }
    [SupplyParameterFromQuery(Name = "user")] public string? User { get; set; }
    [SupplyParameterFromQuery(Name = "client")] public string? Client { get; set; }
    [SupplyParameterFromQuery(Name = "session")] public string? Session { get; set; }
    [SupplyParameterFromQuery(Name = "correlation")] public string? Correlation { get; set; }
    [SupplyParameterFromQuery(Name = "trace")] public string? Trace { get; set; }
    [SupplyParameterFromQuery(Name = "ip")] public string? Ip { get; set; }
    [SupplyParameterFromQuery(Name = "country")] public string? Country { get; set; }
    [SupplyParameterFromQuery(Name = "source")] public string? Source { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? Text { get; set; }
    [SupplyParameterFromQuery(Name = "after")] public string? After { get; set; }
    [SupplyParameterFromQuery(Name = "before")] public string? Before { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? SortParameter { get; set; }

    protected override Task OnParametersSetAsync() => LoadAsync();

    /// <summary>Reads the filter from the URL and loads what it selects.</summary>
    protected abstract Task LoadAsync();
}
