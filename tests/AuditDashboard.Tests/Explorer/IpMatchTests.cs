using AuditDashboard.Core.Explorer;

namespace AuditDashboard.Tests.Explorer;

public sealed class IpMatchTests
{
    [Fact]
    public void A_single_address_matches_itself_only()
    {
        var m = IpMatch.TryParse("203.0.113.9")!;
        Assert.True(m.Matches("203.0.113.9"));
        Assert.False(m.Matches("203.0.113.90"));
        Assert.Null(m.Low);
    }

    [Fact]
    public void Octet_aligned_ipv4_blocks_become_an_index_range()
    {
        var m = IpMatch.TryParse("91.64.0.0/16")!;
        Assert.Equal("91.64.", m.Low);
        Assert.Equal("91.64/", m.High);
        Assert.False(m.NeedsExactCheck);
        Assert.True(string.CompareOrdinal("91.64.200.1", m.Low) >= 0 && string.CompareOrdinal("91.64.200.1", m.High) < 0);
        Assert.False(string.CompareOrdinal("91.65.0.1", m.Low) >= 0 && string.CompareOrdinal("91.65.0.1", m.High) < 0);
        Assert.False(string.CompareOrdinal("91.6.0.1", m.Low) >= 0 && string.CompareOrdinal("91.6.0.1", m.High) < 0);
    }

    [Fact]
    public void Unaligned_blocks_are_checked_exactly()
    {
        var m = IpMatch.TryParse("10.1.16.0/20")!;
        Assert.Equal("10.1.", m.Low);
        Assert.True(m.NeedsExactCheck);
        Assert.True(m.Matches("10.1.31.255"));
        Assert.False(m.Matches("10.1.32.0"));
        var v6 = IpMatch.TryParse("2001:db8::/32")!;
        Assert.True(v6.Matches("2001:db8:1::5"));
        Assert.False(v6.Matches("2001:db9::1"));
    }

    [Theory]
    [InlineData("not-an-ip")]
    [InlineData("10.0.0.0/33")]
    [InlineData("1")]
    public void Nonsense_is_refused(string text) => Assert.Null(IpMatch.TryParse(text));
}
