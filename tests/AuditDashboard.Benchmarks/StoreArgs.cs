using System.Globalization;

namespace AuditDashboard.Benchmarks;

/// <summary><c>queries|detect|report|import --events N [--json FILE] [--dir FOLDER] [--format F] [--connection PG]</c></summary>
/// <param name="Connection">A PostgreSQL owner's connection: the store is the database bench_queries_N there instead of a SQLite file.</param>
public sealed record StoreArgs(int Events, string? Json, string Folder, string? Format, string? Connection = null)
{
    /// <summary>Null (after saying why on stderr) when the arguments are wrong.</summary>
    public static StoreArgs? Parse(string[] args, string defaultFolder, bool acceptsFormat = false)
    {
        int events = 1_000_000;
        string? json = null, format = null, connection = null;
        string folder = Path.Combine(Path.GetTempPath(), defaultFolder);
        for (int i = 1; i < args.Length; i++)
        {
            if (i + 1 >= args.Length)
            {
                Console.Error.WriteLine($"{args[i]} needs a value");
                return null;
            }
            switch (args[i])
            {
                case "--events": events = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--json": json = args[++i]; break;
                case "--dir": folder = args[++i]; break;
                case "--format" when acceptsFormat: format = args[++i]; break;
                case "--connection": connection = args[++i]; break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return null;
            }
        }
        return new StoreArgs(events, json, folder, format, connection);
    }
}
