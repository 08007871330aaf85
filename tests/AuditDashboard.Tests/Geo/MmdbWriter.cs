using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AuditDashboard.Tests.Geo;

/// <summary>
/// Writes small MaxMind DB files (format 2.0, 24-bit records, an IPv6 tree with IPv4 at ::/96 as GeoLite2 has it)
/// so the tests read real .mmdb files through the real MaxMind reader without shipping a vendor database.
/// Values: string, double, int (uint32), long (uint64), bool, maps and lists of them.
/// </summary>
internal sealed class MmdbWriter
{
    private readonly List<(byte[] Bits, int Prefix, object Data)> _networks = [];

    public MmdbWriter Add(string cidr, object data)
    {
        var parts = cidr.Split('/');
        var address = IPAddress.Parse(parts[0]);
        int prefix = int.Parse(parts[1]);
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            bytes = [.. new byte[12], .. bytes];
            prefix += 96;
        }
        _networks.Add((bytes, prefix, data));
        return this;
    }

    public void Write(string path, string databaseType)
    {
        var data = new MemoryStream();
        var root = new Node();
        foreach (var (bits, prefix, value) in _networks)
        {
            long offset = data.Length;
            Encode(data, value);
            var node = root;
            for (int i = 0; i < prefix; i++)
            {
                int bit = (bits[i / 8] >> (7 - i % 8)) & 1;
                if (i == prefix - 1) node.Records[bit] = offset;
                else node = (Node)(node.Records[bit] ??= new Node());
            }
        }

        var nodes = new List<Node> { root };
        for (int i = 0; i < nodes.Count; i++)
            foreach (var record in nodes[i].Records)
                if (record is Node child) { child.Number = nodes.Count; nodes.Add(child); }

        using var file = File.Create(path);
        int count = nodes.Count;
        foreach (var node in nodes)
            foreach (var record in node.Records)
            {
                long value = record switch
                {
                    Node child => child.Number,
                    long offset => count + 16 + offset,
                    _ => count,
                };
                file.Write([(byte)(value >> 16), (byte)(value >> 8), (byte)value]);
            }
        file.Write(new byte[16]);
        data.Position = 0;
        data.CopyTo(file);
        file.Write([0xAB, 0xCD, 0xEF, .. "MaxMind.com"u8]);
        var metadata = new MemoryStream();
        Encode(metadata, new Dictionary<string, object>
        {
            ["binary_format_major_version"] = (ushort)2,
            ["binary_format_minor_version"] = (ushort)0,
            ["build_epoch"] = (long)1_780_000_000,
            ["database_type"] = databaseType,
            ["description"] = new Dictionary<string, object> { ["en"] = "AuditDashboard test database" },
            ["ip_version"] = (ushort)6,
            ["languages"] = new List<object> { "en" },
            ["node_count"] = count,
            ["record_size"] = (ushort)24,
        });
        file.Write(metadata.ToArray());
    }

    private sealed class Node
    {
        public object?[] Records { get; } = new object?[2];
        public int Number { get; set; }
    }

    private static void Encode(Stream output, object value)
    {
        switch (value)
        {
            case string s:
                var utf8 = Encoding.UTF8.GetBytes(s);
                Control(output, 2, utf8.Length);
                output.Write(utf8);
                break;
            case double d:
                Control(output, 3, 8);
                var bits = BitConverter.GetBytes(d);
                if (BitConverter.IsLittleEndian) Array.Reverse(bits);
                output.Write(bits);
                break;
            case ushort u:
                Unsigned(output, 5, u);
                break;
            case int i:
                Unsigned(output, 6, checked((uint)i));
                break;
            case long l:
                Unsigned(output, 9, checked((ulong)l));
                break;
            case bool b:
                Control(output, 14, b ? 1 : 0);
                break;
            case Dictionary<string, object> map:
                Control(output, 7, map.Count);
                foreach (var (key, item) in map)
                {
                    Encode(output, key);
                    Encode(output, item);
                }
                break;
            case List<object> list:
                Control(output, 11, list.Count);
                foreach (var item in list) Encode(output, item);
                break;
            default:
                throw new ArgumentException($"cannot encode {value.GetType().Name}");
        }
    }

    private static void Unsigned(Stream output, int type, ulong value)
    {
        var bytes = new List<byte>();
        for (; value > 0; value >>= 8) bytes.Insert(0, (byte)value);
        Control(output, type, bytes.Count);
        output.Write(bytes.ToArray());
    }

    /// <summary>The control byte: type in the top 3 bits (0 and an extra byte for types above 7), then the size.</summary>
    private static void Control(Stream output, int type, int size)
    {
        int sizeBits = size < 29 ? size : size < 285 ? 29 : size < 65821 ? 30 : 31;
        output.WriteByte((byte)(((type <= 7 ? type : 0) << 5) | sizeBits));
        if (type > 7) output.WriteByte((byte)(type - 7));
        if (sizeBits == 29) output.WriteByte((byte)(size - 29));
        else if (sizeBits == 30) output.Write([(byte)((size - 285) >> 8), (byte)(size - 285)]);
        else if (sizeBits == 31) output.Write([(byte)((size - 65821) >> 16), (byte)((size - 65821) >> 8), (byte)(size - 65821)]);
    }
}
