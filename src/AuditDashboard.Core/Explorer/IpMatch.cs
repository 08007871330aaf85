using System.Net;
using System.Net.Sockets;

namespace AuditDashboard.Core.Explorer;

/// <summary>
/// An IP filter: one address, or a CIDR block. IPv4 blocks are also turned into a string range on whole octets
/// ("91.64." to "91.64/"), which the ip index can answer; the exact block is checked on the rows found.
/// </summary>
public sealed class IpMatch
{
    private IpMatch(IPAddress? single, IPNetwork? network, string? low, string? high)
    {
        Single = single;
        Network = network;
        Low = low;
        High = high;
    }

    public IPAddress? Single { get; }
    public IPNetwork? Network { get; }
    /// <summary>Inclusive and exclusive string bounds for the index, when the block is IPv4 with a prefix of 8 or more.</summary>
    public string? Low { get; }
    public string? High { get; }

    public bool NeedsExactCheck => Network is not null && (Low is null || Network.Value.PrefixLength % 8 != 0);

    public static IpMatch? TryParse(string text)
    {
        text = text.Trim();
        if (!text.Contains('/'))
            return IPAddress.TryParse(text, out var address) && (text.Contains(':') || text.Count(c => c == '.') == 3)
                ? new IpMatch(address, null, null, null)
                : null;
        if (!IPNetwork.TryParse(text, out var network)) return null;
        if (network.BaseAddress.AddressFamily != AddressFamily.InterNetwork || network.PrefixLength < 8)
            return new IpMatch(null, network, null, null);
        var octets = network.BaseAddress.GetAddressBytes().Take(network.PrefixLength / 8).Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var prefix = string.Join('.', octets);
        return network.PrefixLength == 32
            ? new IpMatch(network.BaseAddress, null, null, null)
            : new IpMatch(null, network, prefix + ".", prefix + "/");
    }

    public bool Matches(string? ip) =>
        ip is not null && IPAddress.TryParse(ip, out var address) && (Single?.Equals(address) ?? Network!.Value.Contains(address));
}
