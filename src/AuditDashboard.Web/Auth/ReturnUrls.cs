using System.Globalization;
using System.Text;

namespace AuditDashboard.Web.Auth;

/// <summary>
/// Only local paths are followed after sign-in or sign-out (no open redirects). Browsers drop tabs and newlines
/// anywhere in a URL and turn backslashes into slashes, so <c>/\t/host</c> or <c>/\host</c> would leave the site:
/// a return URL with any control, format or backslash character is refused, at every layer of percent-encoding.
/// </summary>
public static class ReturnUrls
{
    private const int MaxLength = 2048;
    private const int MaxEncodingLayers = 3;

    public static string Safe(string? returnUrl) => IsLocal(returnUrl) ? returnUrl! : "/";

    public static bool IsLocal(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > MaxLength) return false;
        var current = returnUrl;
        for (int layer = 0; layer <= MaxEncodingLayers; layer++)
        {
            if (!LooksLocal(current)) return false;
            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(current);
            }
            catch (UriFormatException)
            {
                return false;
            }
            if (decoded == current) return true;
            current = decoded;
        }
        return false;
    }

    private static bool LooksLocal(string url)
    {
        if (url.Length == 0 || url[0] != '/') return false;
        if (url.Length > 1 && url[1] is '/' or '\\') return false;
        foreach (var rune in url.EnumerateRunes())
        {
            // A lone surrogate enumerates as the replacement character.
            if (rune.Value == '\\' || rune == Rune.ReplacementChar || Rune.IsControl(rune)) return false;
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
                return false;
        }
        return true;
    }
}
