using System.Net;
using System.Net.Sockets;

namespace AuditDashboard.Core.Overview;

/// <summary>The network an address belongs to, for "more than one network" in a session.</summary>
public static class Networks
{
    /// <summary>
    /// The IPv4 /24 or IPv6 /48 (one customer line or site), else the ASN (AS3320). The address comes first because
    /// sources differ in whether they report an ASN: one session seen by two of them must not count twice.
    /// </summary>
    public static string? Of(string? ip, long? asn)
    {
        if (ip is null || !IPAddress.TryParse(ip, out var address))
            return asn is > 0 ? "AS" + asn.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork) return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24";
        for (int i = 6; i < bytes.Length; i++) bytes[i] = 0;
        return new IPAddress(bytes) + "/48";
    }
}
