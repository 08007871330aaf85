using AuditDashboard.Core.Explorer;
using AuditDashboard.Web.Events;
using Bunit;

namespace AuditDashboard.Tests.Components;

public sealed class EventFilterFormTests : DashboardContext
{
    protected override bool Simulate => false;

    [Fact]
    public void Apply_hands_over_what_was_typed_and_clear_hands_over_an_empty_filter()
    {
        EventFilter? applied = null;
        var form = Render<EventFilterForm>(p => p
            .Add(x => x.Filter, new EventFilter { Country = "DE", From = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) })
            .Add(x => x.OnApply, f => applied = f));

        form.Find("input[data-testid=filter-user]").Input("anna@acme.example");
        form.Find("[data-testid=filter-form]").Submit(); // Enter in a field submits the form
        form.WaitForAssertion(() => Assert.NotNull(applied));
        Assert.Equal("anna@acme.example", applied!.User);
        Assert.Equal("DE", applied.Country);
        Assert.Equal(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), applied.From);
        Assert.Equal("?from=2026-11-01T00%3A00&user=anna@acme.example&country=DE", EventFilterQuery.ToQueryString(applied));

        applied = null;
        form.Find("input[data-testid=filter-from]").Input("yesterday-ish");
        form.Find("[data-testid=apply-filter]").Click();
        form.Find("[data-testid=filter-form]").Submit();
        form.WaitForAssertion(() => Assert.Contains("'yesterday-ish' is not a date and time", form.Markup));
        Assert.Null(applied);

        form.FindAll("button").First(b => b.TextContent.Contains("Clear")).Click();
        form.WaitForAssertion(() => Assert.NotNull(applied));
        Assert.Null(applied!.User);
        Assert.Null(applied.Country);
    }

    [Fact]
    public void Examples_are_helper_text_not_placeholders_that_look_like_applied_filters()
    {
        var form = Render<EventFilterForm>(p => p.Add(x => x.Filter, new EventFilter()));
        Assert.DoesNotContain(form.FindAll("input"), i => !string.IsNullOrEmpty(i.GetAttribute("placeholder")));
        Assert.Contains("e.g. 91.64.0.0/16", form.Markup);
    }
}
