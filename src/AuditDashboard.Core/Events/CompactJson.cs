using System.Text.Encodings.Web;
using System.Text.Json;

namespace AuditDashboard.Core.Events;

/// <summary>Serializer settings for stored JSON text (roles, attributes): compact, non-ASCII kept as UTF-8.</summary>
public static class CompactJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };
}
