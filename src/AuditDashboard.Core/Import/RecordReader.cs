using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace AuditDashboard.Core.Import;

/// <summary>
/// Reads a vendor file as records, streaming: a JSON array element by element, NDJSON line by line, text line by
/// line. A single JSON object is read whole and unwrapped if it is an envelope (Graph's <c>value</c>, an Okta
/// event hook's <c>data.events</c>). Trailing commas, which vendors' published examples contain, are accepted.
/// </summary>
public static class RecordReader
{
    private static readonly JsonSerializerOptions Lenient = new() { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };
    private static readonly JsonDocumentOptions LenientDocument = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static async IAsyncEnumerable<ImportRecord> ReadAsync(Stream stream, bool lines, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!stream.CanSeek) throw new ArgumentException("the import stream must be seekable", nameof(stream));
        if (lines)
        {
            await foreach (var r in LinesAsync(stream, cancellationToken)) yield return r;
            yield break;
        }
        int first = FirstByte(stream);
        if (first == '[')
        {
            int index = 0;
            var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, Lenient, cancellationToken);
            await using var e = elements.GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                try
                {
                    if (!await e.MoveNextAsync()) break;
                }
                catch (JsonException ex)
                {
                    throw new ImportException($"the file is not valid JSON after record {index}: {ex.Message}");
                }
                yield return new ImportRecord(index, $"record {index}", e.Current);
                index++;
            }
            yield break;
        }
        if (first != '{') throw new ImportException(first < 0 ? "the file is empty" : $"the file starts with '{(char)first}', not a JSON array, object or NDJSON");

        if (await IsNdjsonAsync(stream, cancellationToken))
        {
            int index = 0;
            await foreach (var (number, text) in TextLinesAsync(stream, cancellationToken))
            {
                JsonElement element;
                try
                {
                    using var doc = JsonDocument.Parse(text, LenientDocument);
                    element = doc.RootElement.Clone();
                }
                catch (JsonException ex)
                {
                    throw new ImportException($"line {number}: not valid JSON ({ex.Message})");
                }
                if (Envelope(element) is { } wrapped)
                {
                    int item = 0;
                    foreach (var inner in wrapped.EnumerateArray()) yield return new ImportRecord(index++, $"line {number}, item {item++}", inner);
                }
                else
                {
                    yield return new ImportRecord(index++, $"line {number}", element);
                }
            }
            yield break;
        }

        JsonElement root;
        try
        {
            using var doc = await JsonDocument.ParseAsync(stream, LenientDocument, cancellationToken);
            root = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ImportException($"the file is not valid JSON: {ex.Message}");
        }
        if (Envelope(root) is { } items)
        {
            int i = 0;
            foreach (var item in items.EnumerateArray()) yield return new ImportRecord(i, $"record {i++}", item);
        }
        else
        {
            yield return new ImportRecord(0, "record 0", root);
        }
    }

    /// <summary>The records inside a Graph list response (<c>value</c>) or an Okta event hook (<c>data.events</c>).</summary>
    private static JsonElement? Envelope(JsonElement e) =>
        e.Get("value") is { ValueKind: JsonValueKind.Array } value ? value
        : e.Get("data", "events") is { ValueKind: JsonValueKind.Array } hook ? hook
        : null;

    private static async IAsyncEnumerable<ImportRecord> LinesAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int index = 0;
        await foreach (var (number, text) in TextLinesAsync(stream, cancellationToken))
            yield return new ImportRecord(index++, $"line {number}", default, text);
    }

    private static async IAsyncEnumerable<(int Number, string Text)> TextLinesAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        stream.Position = 0;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        int number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line)) yield return (number, line);
        }
    }

    /// <summary>NDJSON when the first non-empty line is a whole JSON value by itself.</summary>
    private static async Task<bool> IsNdjsonAsync(Stream stream, CancellationToken cancellationToken)
    {
        await foreach (var (_, text) in TextLinesAsync(stream, cancellationToken))
        {
            stream.Position = 0;
            try
            {
                using var doc = JsonDocument.Parse(text, LenientDocument);
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }
        return false;
    }

    private static int FirstByte(Stream stream)
    {
        stream.Position = 0;
        int b;
        do b = stream.ReadByte();
        while (b is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF);
        stream.Position = 0;
        return b;
    }
}
