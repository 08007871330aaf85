using System.Text.Json;

namespace AuditDashboard.Core.Events;

/// <summary>
/// One pass over every key and string of a JSON value, at any depth, before anything reads it: text that is not
/// valid Unicode (invalid UTF-8, a lone surrogate), a key given twice (a reader would silently keep one of the
/// values) and, for events, a value that looks like a raw token are reported with their path
/// (<c>geo.city</c>, <c>roles[0]</c>, <c>attributes.a.b</c>), so no reader further on meets them.
/// </summary>
public static class JsonTextCheck
{
    private const string InvalidText = "is not valid Unicode text (invalid UTF-8 or a lone surrogate)";

    /// <summary>Reports each problem through <paramref name="fail"/> as (path, reason); true when there was none.</summary>
    public static bool Check(JsonElement value, Action<string, string> fail, bool guardTokens)
    {
        int problems = 0;
        void Problem(string path, string reason)
        {
            problems++;
            fail(path, reason);
        }
        Walk(value, "", Problem, guardTokens);
        return problems == 0;
    }

    private static void Walk(JsonElement value, string path, Action<string, string> fail, bool guardTokens)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                HashSet<string>? names = null;
                foreach (var property in value.EnumerateObject())
                {
                    if (!TryName(property, out var name))
                    {
                        fail(Join(path, "(a key)"), InvalidText);
                        continue;
                    }
                    if (guardTokens && RawTokenGuard.LooksLikeRawToken(name))
                    {
                        // The path must not echo the token back into error responses and logs.
                        fail(Join(path, "(a key)"), "is a key that looks like a raw token (JWT or bearer credential)");
                        continue;
                    }
                    var child = Join(path, Printable(name));
                    names ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!names.Add(name))
                    {
                        fail(child, $"the key '{Printable(name)}' appears more than once; each key must be given once");
                        continue;
                    }
                    Walk(property.Value, child, fail, guardTokens);
                }
                break;
            case JsonValueKind.Array:
                int index = 0;
                foreach (var item in value.EnumerateArray())
                    Walk(item, $"{(path.Length == 0 ? "(item)" : path)}[{index++}]", fail, guardTokens);
                break;
            case JsonValueKind.String:
                if (!TryString(value, out var text))
                    fail(path.Length == 0 ? "(item)" : path, InvalidText);
                else if (guardTokens && RawTokenGuard.LooksLikeRawToken(text))
                    fail(path.Length == 0 ? "(item)" : path, "looks like a raw token (JWT or bearer credential); send its SHA-256 or jti instead");
                break;
        }
    }

    private static bool TryName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return !HasLoneSurrogate(name);
        }
        catch (InvalidOperationException)
        {
            name = "";
            return false;
        }
    }

    private static bool TryString(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString()!;
            return !HasLoneSurrogate(text);
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static bool HasLoneSurrogate(string text)
    {
        var span = text.AsSpan();
        int at = span.IndexOfAnyInRange('\ud800', '\udfff');
        if (at < 0) return false;
        for (int i = at; i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1])) i++;
            else if (char.IsSurrogate(span[i])) return true;
        }
        return false;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string Printable(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
