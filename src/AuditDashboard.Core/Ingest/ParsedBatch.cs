using System.Text.Json;

namespace AuditDashboard.Core.Ingest;

/// <summary>The items of a body; they point into pooled documents, so they are valid until this is disposed.</summary>
public sealed class ParsedBatch : IDisposable
{
    public List<JsonElement> Items { get; } = [];
    internal List<JsonDocument> Documents { get; } = [];

    public int Count => Items.Count;

    public void Dispose()
    {
        foreach (var doc in Documents) doc.Dispose();
        Documents.Clear();
    }
}
