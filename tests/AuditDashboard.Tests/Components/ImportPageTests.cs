using AuditDashboard.Tests.Import;
using AuditDashboard.Web.Auth;
using AuditDashboard.Web.Import;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Tests.Components;

public sealed class ImportPageTests : DashboardContext
{
    protected override bool Simulate => false;

    private IRenderedComponent<ImportPage> Page()
    {
        SignedInAs(Roles.Administrator);
        Authorization.SetPolicies(Policies.Viewer, Policies.Administrator);
        return Render<ImportPage>();
    }

    [Fact]
    public async Task An_administrator_uploads_an_okta_log_and_sees_what_was_stored_then_the_upload_is_audited()
    {
        var page = Page();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(await File.ReadAllBytesAsync(Samples.Path("okta_systemlog.json")), "okta_systemlog.json"));
        page.WaitForAssertion(() => Assert.Contains("okta_systemlog.json: 5 records read, 5 events stored, 0 duplicates", page.Find("[data-testid=import-result]").TextContent));

        await using var db = Store.CreateDbContext();
        Assert.Equal(5, await db.Events.CountAsync(e => e.Source == "okta"));
        Assert.Contains(await db.Events.Where(e => e.Source == "auditdashboard").Select(e => e.Attributes).ToListAsync(), a => a!.Contains("import_upload"));
    }

    [Fact]
    public async Task A_malformed_file_is_refused_with_its_problems_and_nothing_is_stored()
    {
        var page = Page();
        var text = await File.ReadAllTextAsync(Samples.Path("okta_systemlog.json"));
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(text[..(text.Length / 2)], "cut.json"));
        page.WaitForAssertion(() => Assert.Contains("cut.json was refused; nothing was stored", page.Find("[data-testid=import-refused]").TextContent));
        Assert.Contains("not valid JSON", page.Find("[data-testid=import-problems]").TextContent);
        await using var db = Store.CreateDbContext();
        Assert.Equal(0, await db.Events.CountAsync(e => e.Source != "auditdashboard"));
    }

    [Fact]
    public async Task A_file_with_text_that_is_not_valid_utf8_is_refused_naming_the_record_and_field()
    {
        var page = Page();
        var bytes = await File.ReadAllBytesAsync(Samples.Path("okta_systemlog.json"));
        var at = bytes.AsSpan().IndexOf("\"displayMessage\": \""u8) + 19; // the first letter of the value
        bytes[at] = 0xFF;
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(bytes, "bad-utf8.json"));
        page.WaitForAssertion(() => Assert.Contains("bad-utf8.json was refused; nothing was stored", page.Find("[data-testid=import-refused]").TextContent));
        Assert.Contains("displayMessage is not valid Unicode text", page.Find("[data-testid=import-problems]").TextContent);
        await using var db = Store.CreateDbContext();
        Assert.Equal(0, await db.Events.CountAsync(e => e.Source != "auditdashboard"));
    }
}
