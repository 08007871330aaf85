using AuditDashboard.Web.Auth;

namespace AuditDashboard.Tests.Auth;

public sealed class ReturnUrlsTests
{
    public static TheoryData<string> OffSite()
    {
        var data = new TheoryData<string>
        {
            "https://evil.example/", "//evil.example/", "/\\evil.example", "\\\\evil.example", "/%5Cevil.example", "/%5cevil.example",
            "/%2Fevil.example", "/%2fevil.example", "%2F%2Fevil.example", "/%252F/evil.example", "/%25252F/evil.example",
            "/x\\y", "HTTPS://evil.example", "javascript:alert(1)", " /x", "/\u200b/evil.example", "/\u2028/x", "/\ud800x", "",
        };
        // Every C0 control and DEL, raw and percent-encoded (upper and lower case), between the slashes and elsewhere.
        for (int c = 0; c <= 0x20; c++)
        {
            if (c == 0x20) break;
            var raw = ((char)c).ToString();
            var upper = $"%{c:X2}";
            var lower = $"%{c:x2}";
            foreach (var form in new[] { raw, upper, lower, "%25" + upper }.Distinct())
            {
                data.Add($"/{form}/127.0.0.1:5999/x");
                data.Add($"/events?user=a{form}b");
            }
        }
        data.Add("/\u007f/127.0.0.1:5999/x");
        data.Add("/%7F/127.0.0.1:5999/x");
        return data;
    }

    [Theory]
    [MemberData(nameof(OffSite))]
    public void Anything_a_browser_may_take_off_site_becomes_the_home_page(string returnUrl)
    {
        Assert.False(ReturnUrls.IsLocal(returnUrl));
        Assert.Equal("/", ReturnUrls.Safe(returnUrl));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/events?user=maya&ip=10.0.0.0%2F8")]
    [InlineData("/sessions/sid-7f3a")]
    [InlineData("/events?q=caf%C3%A9%20bar")]
    [InlineData("/alerts?status=open#top")]
    public void Local_paths_are_kept_exactly(string returnUrl) => Assert.Equal(returnUrl, ReturnUrls.Safe(returnUrl));
}
