using System.Net;

namespace AuditDashboard.Core.Events;

/// <summary>
/// Reads an IP address only in a form every parser agrees on. <see cref="IPAddress.TryParse(string, out IPAddress)"/>
/// also takes forms that mean different addresses to different readers: leading zeros (<c>010.001.001.001</c> is
/// octal 8.1.1.1 to it, 10.1.1.1 to a person) and zone ids (<c>fe80::1%eth0</c> becomes this host's interface
/// number). Evidence keeps what the sender meant, so such forms are refused rather than guessed.
/// </summary>
public static class StrictIp
{
    /// <summary>The address in its canonical text form, or null with <paramref name="problem"/> saying why.</summary>
    public static string? Normalize(string text, out string? problem)
    {
        problem = null;
        if (text.Contains('%'))
        {
            problem = "has a zone id (%…), which names an interface of the sender's host; send the address without it";
            return null;
        }
        if (text.Contains(':'))
        {
            if (!IsIpv6Text(text, out problem) || !IPAddress.TryParse(text, out var v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                problem ??= "is not an IPv6 address";
                return null;
            }
            return v6.ToString();
        }
        if (!IsDottedQuad(text, out problem) || !IPAddress.TryParse(text, out var v4))
        {
            problem ??= "is not an IPv4 address";
            return null;
        }
        return v4.ToString();
    }

    private static bool IsIpv6Text(string text, out string? problem)
    {
        problem = null;
        foreach (var c in text)
        {
            if (!(char.IsAsciiHexDigit(c) || c is ':' or '.'))
            {
                problem = $"has '{(char.IsControl(c) ? '?' : c)}', which an IPv6 address does not";
                return false;
            }
        }
        int lastColon = text.LastIndexOf(':');
        // An embedded IPv4 tail (::ffff:192.0.2.1) must itself be unambiguous.
        return !text.AsSpan(lastColon + 1).Contains('.') || IsDottedQuad(text[(lastColon + 1)..], out problem);
    }

    private static bool IsDottedQuad(string text, out string? problem)
    {
        problem = null;
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            problem = "is not an IPv4 address in dotted-quad form (four decimal numbers, e.g. 192.0.2.1)";
            return false;
        }
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) > 255)
            {
                problem = "is not an IPv4 address in dotted-quad form (four decimal numbers from 0 to 255, e.g. 192.0.2.1)";
                return false;
            }
            if (part.Length > 1 && part[0] == '0')
            {
                problem = "has a number with a leading zero, which some readers take as octal; write it without (10.1.1.1, not 010.001.001.001)";
                return false;
            }
        }
        return true;
    }
}
