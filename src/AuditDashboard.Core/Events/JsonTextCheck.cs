using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace AuditDashboard.Core.Events;

/// <summary>
/// One pass over every key and string of a JSON value, at any depth, before anything reads it: text that is not
/// valid Unicode (invalid UTF-8, a lone surrogate), a key given twice (a reader would silently keep one of the
/// values) and, for events, a value that looks like a raw token are reported with their path
/// (<c>geo.city</c>, <c>roles[0]</c>, <c>attributes.a.b</c>), so no reader further on meets them.
/// </summary>
/// <remarks>
/// It runs on every item of every batch, so it reads the raw UTF-8 where it can: a string without escapes is
/// validated in place and becomes a .NET string only if it might be a token; paths are built only for a problem.
/// </remarks>
public static class JsonTextCheck
{
    private const string InvalidText = "is not valid Unicode text (invalid UTF-8 or a lone surrogate)";
    private const int PairwiseKeys = 16;

    /// <summary>Reports each problem through <paramref name="fail"/> as (path, reason); true when there was none.</summary>
    public static bool Check(JsonElement value, Action<string, string> fail, bool guardTokens)
    {
        var walk = new Walker(fail, guardTokens);
        walk.Value(value);
        return walk.Problems == 0;
    }

    private sealed class Walker(Action<string, string> fail, bool guardTokens)
    {
        // The path to the current value: a property or an array index per level, turned into text only for a problem.
        private readonly List<(JsonProperty? Property, int Index)> _path = [];

        public int Problems { get; private set; }

        public void Value(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Object(value);
                    break;
                case JsonValueKind.Array:
                    int index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        _path.Add((null, index++));
                        Value(item);
                        _path.RemoveAt(_path.Count - 1);
                    }
                    break;
                case JsonValueKind.String:
                    var raw = JsonMarshal.GetRawUtf8Value(value);
                    var text = HasEscapes(raw) ? Decoded(value) : Text(raw);
                    if (text.Invalid) Fail(Path(), InvalidText);
                    else if (text.Token) Fail(Path(), "looks like a raw token (JWT or bearer credential); send its SHA-256 or jti instead");
                    break;
            }
        }

        private void Object(JsonElement value)
        {
            int count = 0;
            bool escaped = false;
            foreach (var property in value.EnumerateObject())
            {
                count++;
                escaped |= HasEscapes(JsonMarshal.GetRawUtf8PropertyName(property));
            }
            HashSet<string>? names = count > PairwiseKeys || escaped ? new HashSet<string>(StringComparer.Ordinal) : null;
            var seen = names is null ? new JsonProperty[count] : null;
            int position = 0;
            foreach (var property in value.EnumerateObject())
            {
                var raw = JsonMarshal.GetRawUtf8PropertyName(property);
                var name = HasEscapes(raw) ? Decoded(property) : Text(raw);
                if (name.Invalid)
                {
                    Fail(Path("(a key)"), InvalidText);
                    continue;
                }
                if (name.Token)
                {
                    // The path must not echo the token back into error responses and logs.
                    Fail(Path("(a key)"), "is a key that looks like a raw token (JWT or bearer credential)");
                    continue;
                }
                bool repeated = names is not null ? !names.Add(property.Name) : Repeats(seen!, position, raw);
                if (seen is not null) seen[position++] = property;
                _path.Add((property, 0));
                if (repeated) Fail(Path(), $"the key '{Printable(property.Name)}' appears more than once; each key must be given once");
                else Value(property.Value);
                _path.RemoveAt(_path.Count - 1);
            }
        }

        private static bool Repeats(JsonProperty[] seen, int count, ReadOnlySpan<byte> raw)
        {
            for (int i = 0; i < count; i++)
            {
                if (JsonMarshal.GetRawUtf8PropertyName(seen[i]).SequenceEqual(raw)) return true;
            }
            return false;
        }

        private static bool HasEscapes(ReadOnlySpan<byte> raw) => raw.IndexOf((byte)'\\') >= 0;

        /// <summary>Raw JSON string content without escapes: valid UTF-8, and whether it may be a raw token.</summary>
        private (bool Invalid, bool Token) Text(ReadOnlySpan<byte> raw)
        {
            if (raw.Length >= 2 && raw[0] == '"') raw = raw[1..^1];
            if (!Utf8.IsValid(raw)) return (true, false);
            return (false, guardTokens && MayBeToken(raw) && RawTokenGuard.LooksLikeRawToken(Encoding.UTF8.GetString(raw)));
        }

        // With escapes (\u…) the text is decoded first: a lone surrogate can only be written as one.
        private (bool Invalid, bool Token) Decoded(JsonElement value)
        {
            try
            {
                return Decoded(value.GetString() ?? "");
            }
            catch (InvalidOperationException)
            {
                return (true, false);
            }
        }

        private (bool Invalid, bool Token) Decoded(JsonProperty property)
        {
            try
            {
                return Decoded(property.Name);
            }
            catch (InvalidOperationException)
            {
                return (true, false);
            }
        }

        private (bool Invalid, bool Token) Decoded(string text) =>
            HasLoneSurrogate(text) ? (true, false) : (false, guardTokens && RawTokenGuard.LooksLikeRawToken(text));

        private void Fail(string path, string reason)
        {
            Problems++;
            fail(path, reason);
        }

        private string Path(string? last = null)
        {
            var text = new StringBuilder();
            foreach (var (property, index) in _path)
            {
                if (property is { } p) text.Append(text.Length == 0 ? "" : ".").Append(SafeName(p));
                else text.Append(text.Length == 0 ? "(item)" : "").Append('[').Append(index).Append(']');
            }
            if (last is not null) text.Append(text.Length == 0 ? "" : ".").Append(last);
            return text.Length == 0 ? "(item)" : text.ToString();
        }

        private static string SafeName(JsonProperty property)
        {
            try
            {
                return Printable(property.Name);
            }
            catch (InvalidOperationException)
            {
                return "(a key)";
            }
        }
    }

    /// <summary>The cheap test before the token guard's expressions: a JWT starts "eyJ", a credential says "bearer".</summary>
    private static bool MayBeToken(ReadOnlySpan<byte> raw)
    {
        if (raw.Length < 16) return false;
        if (raw.IndexOf("eyJ"u8) >= 0) return true;
        for (int i = raw.IndexOfAny((byte)'b', (byte)'B'); i >= 0 && i + 6 <= raw.Length; i = NextB(raw, i + 1))
        {
            if (System.Text.Ascii.EqualsIgnoreCase(raw.Slice(i, 6), "bearer"u8)) return true;
        }
        return false;
    }

    private static int NextB(ReadOnlySpan<byte> raw, int from)
    {
        int next = raw[from..].IndexOfAny((byte)'b', (byte)'B');
        return next < 0 ? -1 : from + next;
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

    private static string Printable(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
