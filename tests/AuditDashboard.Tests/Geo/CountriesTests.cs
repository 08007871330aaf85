using AuditDashboard.Core.Geo;

namespace AuditDashboard.Tests.Geo;

public class CountriesTests
{
    [Theory]
    [InlineData("DE", "DE")]
    [InlineData("de", "DE")]
    [InlineData("Germany", "DE")]
    [InlineData("germany", "DE")]
    [InlineData("DEU", "DE")]
    [InlineData("United States", "US")]
    [InlineData("United States of America", "US")]
    [InlineData("Indonesia", "ID")]
    [InlineData(" Canada ", "CA")]
    [InlineData("Korea, Republic of", "KR")]
    public void Names_and_codes_map_to_alpha_2(string value, string code) => Assert.Equal(code, Countries.ToCode(value));

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("XX")]
    [InlineData("")]
    public void An_unknown_value_has_no_code_and_is_kept_as_given(string value)
    {
        Assert.Null(Countries.ToCode(value));
        Assert.Equal(value, Countries.Normalize(value));
    }

    [Fact]
    public void Every_country_has_a_name_and_numeric_code()
    {
        Assert.Equal("Germany", Countries.Name("DE"));
        Assert.Equal("DE", Countries.FromNumeric("276"));
        Assert.Equal("AF", Countries.FromNumeric("4"));
    }
}
