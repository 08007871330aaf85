using System.Runtime.CompilerServices;
using System.Text;

namespace AuditDashboard.Core.Import;

/// <summary>
/// Text lines of a stream, each at most a limit long (a line is never read whole into memory first), decoded as
/// strict UTF-8: a byte that is not UTF-8 is an error naming the line, never silently replaced.
/// </summary>
internal static class BoundedLines
{
    public static async IAsyncEnumerable<(int Number, string Text)> ReadAsync(Stream stream, int maxChars,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true,
            bufferSize: 64 * 1024, leaveOpen: true);
        var chunk = new char[64 * 1024];
        var line = new StringBuilder();
        int number = 1;
        while (true)
        {
            int read;
            try
            {
                read = await reader.ReadAsync(chunk, cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                throw new ImportException($"at or after line {number}: not valid UTF-8 text");
            }
            if (read == 0) break;
            int from = 0;
            for (int i = 0; i < read; i++)
            {
                if (chunk[i] != '\n') continue;
                Append(line, chunk.AsSpan(from, i - from), number, maxChars);
                if (Text(line) is { } text) yield return (number, text);
                line.Clear();
                number++;
                from = i + 1;
            }
            Append(line, chunk.AsSpan(from, read - from), number, maxChars);
        }
        if (Text(line) is { } last) yield return (number, last);
    }

    private static void Append(StringBuilder line, ReadOnlySpan<char> part, int number, int maxChars)
    {
        if (line.Length + part.Length > maxChars)
            throw new ImportException($"line {number} is over {maxChars} characters (Ingest:MaxImportRecordBytes)");
        line.Append(part);
    }

    private static string? Text(StringBuilder line)
    {
        var text = line.ToString().TrimEnd('\r');
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }
}
