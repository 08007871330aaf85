using AuditDashboard.Core.Events;

namespace AuditDashboard.Tests.Events;

public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("ad\u200bmin", "ad⟨U+200B⟩min")]
    [InlineData("user\u202egnp.exe", "user⟨U+202E⟩gnp.exe")]
    [InlineData("\ufeffadmin", "⟨U+FEFF⟩admin")]
    [InlineData("a\u2066b\u2069", "a⟨U+2066⟩b⟨U+2069⟩")]
    [InlineData("x\u0000y\u001bz", "x⟨U+0000⟩y⟨U+001B⟩z")]
    [InlineData("soft\u00adhyphen", "soft⟨U+00AD⟩hyphen")]
    [InlineData("line\u2028sep", "line⟨U+2028⟩sep")]
    [InlineData("\u3164", "⟨U+3164⟩")]
    public void Invisible_and_reordering_characters_are_shown_as_marks(string stored, string shown) => Assert.Equal(shown, VisibleText.Show(stored));

    [Theory]
    [InlineData("maya.garcia@acme.example")]
    [InlineData("Zoë Łódź-Żółć")]
    [InlineData("Ελένη Παπαδοπούλου")]
    [InlineData("مريم")]
    [InlineData("emoji 😀 user")]
    [InlineData("")]
    public void Ordinary_text_of_any_script_is_left_as_it_is(string text) => Assert.Equal(text, VisibleText.Show(text));

    [Fact]
    public void Pretty_json_keeps_its_line_breaks_and_indentation()
    {
        Assert.Equal("{\n\t\"u\": \"a⟨U+200B⟩b\"\n}", VisibleText.ShowMultiline("{\n\t\"u\": \"a\u200bb\"\n}"));
        Assert.Null(VisibleText.Show(null));
    }
}
