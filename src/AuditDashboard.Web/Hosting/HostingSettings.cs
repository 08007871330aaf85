using System.Net;

namespace AuditDashboard.Web.Hosting;

/// <summary>
/// Configuration section <c>Hosting</c>: the TLS-terminating proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed (none by default: forwarded headers from anyone else are ignored).
/// </summary>
public sealed class HostingSettings
{
    public const string Section = "Hosting";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public int HstsMaxAgeDays { get; set; } = 365;

    public IEnumerable<string> Validate()
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return $"Hosting:KnownProxies: '{proxy}' is not an IP address.";
        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
            yield return $"Hosting:KnownNetworks: '{network}' is not a CIDR block such as 10.0.0.0/24.";
        if (HstsMaxAgeDays is < 1 or > 730) yield return "Hosting:HstsMaxAgeDays must be from 1 to 730.";
    }
}
