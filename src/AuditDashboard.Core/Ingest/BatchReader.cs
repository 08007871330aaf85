using System.Text.Json;

namespace AuditDashboard.Core.Ingest;

/// <summary>
/// Splits a request body into items: a JSON object, a JSON array of objects, or NDJSON
/// (one object per line). All three are read as a sequence of top-level JSON values.
/// </summary>
public static class BatchReader
{
    /// <summary>Returns the items (valid while the batch is not disposed), or throws <see cref="BatchFormatException"/> naming where the body is malformed.</summary>
    public static ParsedBatch Read(ReadOnlyMemory<byte> body)
    {
        var batch = new ParsedBatch();
        try
        {
            ReadInto(body, batch);
            return batch;
        }
        catch
        {
            batch.Dispose();
            throw;
        }
    }

    private static void ReadInto(ReadOnlyMemory<byte> body, ParsedBatch batch)
    {
        var items = batch.Items;
        var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 32 });
        int values = 0;
        try
        {
            while (reader.Read())
            {
                var doc = JsonDocument.ParseValue(ref reader);
                batch.Documents.Add(doc);
                values++;
                if (doc.RootElement.ValueKind == JsonValueKind.Array)
                {
                    if (values > 1) throw new BatchFormatException("a JSON array must be the whole body, not one of several values");
                    items.AddRange(doc.RootElement.EnumerateArray());
                }
                else
                {
                    if (values > 1 && items.Count != values - 1)
                        throw new BatchFormatException("a JSON array must be the whole body, not one of several values");
                    items.Add(doc.RootElement);
                }
            }
        }
        catch (JsonException ex)
        {
            throw new BatchFormatException($"malformed JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {ex.Message.Split(" LineNumber")[0]}");
        }
        if (values == 0) throw new BatchFormatException("the body is empty; send a JSON object, a JSON array or NDJSON");
    }
}
