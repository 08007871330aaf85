using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AuditDashboard.Core.Events;

namespace AuditDashboard.Core.Import;

/// <summary>
/// Reads a vendor file as records, streaming, with memory bounded by the record limit whatever the file's size or
/// the length of one line: a JSON array element by element, NDJSON value by value, text line by line. An object
/// that is an envelope (Graph's <c>value</c>, an Okta event hook's <c>data.events</c>) is unwrapped, streamed too
/// when it is larger than one record may be. Trailing commas, which vendors' published examples contain, are
/// accepted. Every record is checked for valid text and keys given once before a mapper reads it.
/// </summary>
public static class RecordReader
{
    public static async IAsyncEnumerable<ImportRecord> ReadAsync(Stream stream, bool lines, int maxRecordBytes,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (lines)
        {
            int number = 0;
            await foreach (var (line, text) in BoundedLines.ReadAsync(stream, maxRecordBytes, cancellationToken))
                yield return new ImportRecord(number++, $"line {line}", default, text);
            yield break;
        }
        var json = new JsonStream(stream, maxRecordBytes);
        int index = 0, values = 0;
        bool array = false;
        while (true)
        {
            var type = await json.PeekAsync(cancellationToken);
            if (type == JsonTokenType.None) break;
            long line = json.TokenLine;
            if (array || (type == JsonTokenType.StartArray && values > 0))
                throw new ImportException($"line {line}: a JSON array must be the whole file, not one of several values");
            values++;
            if (type == JsonTokenType.StartArray)
            {
                array = true;
                await json.ReadTokenAsync(cancellationToken);
                await foreach (var (element, _) in ElementsAsync(json, maxRecordBytes, cancellationToken))
                {
                    yield return Checked(index, $"record {index}", element);
                    index++;
                }
                continue;
            }
            if (type != JsonTokenType.StartObject)
                throw new ImportException($"line {line}: expected a JSON array, an object or NDJSON objects, found {Describe(type)}");

            if (await json.ReadValueAsync(maxRecordBytes, cancellationToken) is { } record)
            {
                bool oneLine = json.Line == line;
                // Checked whole before anything looks inside it (even a property look-up decodes the keys).
                Check(oneLine ? $"line {line}" : $"record {index}", record);
                if (Envelope(record) is { } items)
                {
                    int item = 0;
                    foreach (var inner in items.EnumerateArray())
                    {
                        yield return new ImportRecord(index, oneLine ? $"line {line}, item {item++}" : $"record {index}", inner);
                        index++;
                    }
                }
                else
                {
                    yield return new ImportRecord(index, oneLine ? $"line {line}" : $"record {index}", record);
                    index++;
                }
                continue;
            }
            // Larger than one record may be: only an envelope can be this large, and its records are streamed.
            bool any = false;
            await foreach (var (element, itemLine, item) in EnvelopeItemsAsync(json, maxRecordBytes, cancellationToken))
            {
                any = true;
                yield return Checked(index, itemLine == line ? $"line {line}, item {item}" : $"record {index}", element);
                index++;
            }
            if (!any)
                throw new ImportException($"line {line}: a record is over {maxRecordBytes} bytes (Ingest:MaxImportRecordBytes)");
        }
        if (values == 0) throw new ImportException("the file is empty");
    }

    private static ImportRecord Checked(int index, string where, JsonElement element)
    {
        Check(where, element);
        return new ImportRecord(index, where, element);
    }

    private static void Check(string where, JsonElement element)
    {
        var problems = new List<string>();
        if (!JsonTextCheck.Check(element, (path, reason) => problems.Add($"{path} {reason}"), guardTokens: false))
            throw new ImportException($"{where}: {string.Join("; ", problems.Take(5))}");
    }

    /// <summary>The records inside a Graph list response (<c>value</c>) or an Okta event hook (<c>data.events</c>).</summary>
    private static JsonElement? Envelope(JsonElement e) =>
        e.Get("value") is { ValueKind: JsonValueKind.Array } value ? value
        : e.Get("data", "events") is { ValueKind: JsonValueKind.Array } hook ? hook
        : null;

    /// <summary>An envelope read token by token: only its records are held, one at a time.</summary>
    private static async IAsyncEnumerable<(JsonElement Element, long Line, int Item)> EnvelopeItemsAsync(JsonStream json, int maxRecordBytes,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await json.ReadTokenAsync(cancellationToken);
        bool found = false;
        while (await json.ReadTokenAsync(cancellationToken) is { Type: JsonTokenType.PropertyName } property)
        {
            var next = await json.PeekAsync(cancellationToken);
            if (!found && property.Name == "value" && next == JsonTokenType.StartArray)
            {
                found = true;
                await json.ReadTokenAsync(cancellationToken);
                int item = 0;
                await foreach (var (element, line) in ElementsAsync(json, maxRecordBytes, cancellationToken)) yield return (element, line, item++);
            }
            else if (!found && property.Name == "data" && next == JsonTokenType.StartObject)
            {
                await json.ReadTokenAsync(cancellationToken);
                while (await json.ReadTokenAsync(cancellationToken) is { Type: JsonTokenType.PropertyName } inner)
                {
                    if (!found && inner.Name == "events" && await json.PeekAsync(cancellationToken) == JsonTokenType.StartArray)
                    {
                        found = true;
                        await json.ReadTokenAsync(cancellationToken);
                        int item = 0;
                        await foreach (var (element, line) in ElementsAsync(json, maxRecordBytes, cancellationToken)) yield return (element, line, item++);
                    }
                    else
                    {
                        await json.SkipValueAsync(cancellationToken);
                    }
                }
            }
            else
            {
                await json.SkipValueAsync(cancellationToken);
            }
        }
    }

    private static async IAsyncEnumerable<(JsonElement Element, long Line)> ElementsAsync(JsonStream json, int maxRecordBytes,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var type = await json.PeekAsync(cancellationToken);
            long line = json.TokenLine;
            if (type == JsonTokenType.EndArray)
            {
                await json.ReadTokenAsync(cancellationToken);
                yield break;
            }
            if (type == JsonTokenType.None) throw new ImportException($"line {line}: not valid JSON (the file ends inside an array)");
            var element = await json.ReadValueAsync(maxRecordBytes, cancellationToken)
                ?? throw new ImportException($"line {line}: a record is over {maxRecordBytes} bytes (Ingest:MaxImportRecordBytes)");
            yield return (element, line);
        }
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };
}
