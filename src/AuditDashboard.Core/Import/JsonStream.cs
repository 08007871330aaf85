using System.Text.Json;

namespace AuditDashboard.Core.Import;

/// <summary>
/// Forward-only JSON over a stream, a token or a whole value at a time. The buffer holds only what the current
/// token or value needs and never grows past the record limit, so memory does not follow the size of the file
/// or the length of one line. Line numbers are counted as the stream is read, for error messages.
/// </summary>
internal sealed class JsonStream(Stream stream, int maxRecordBytes)
{
    private static readonly JsonReaderOptions Options = new()
    {
        AllowMultipleValues = true, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64,
    };

    private byte[] _buffer = new byte[Math.Min(64 * 1024, maxRecordBytes)];
    private int _start, _end;
    private bool _final, _started;
    private JsonReaderState _state = new(Options);
    // Newlines are counted incrementally up to _countedTo (an index in the buffer).
    private int _countedTo;
    private long _newlines;

    /// <summary>The 1-based line where the next unread byte is.</summary>
    public long Line => LineAt(_start);

    /// <summary>The 1-based line where the token last peeked or read starts.</summary>
    public long TokenLine { get; private set; }

    /// <summary>The next token's type, without consuming it; None at the end of the stream.</summary>
    public async ValueTask<JsonTokenType> PeekAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (found, type, _) = TryToken(commit: false);
            if (found) return type;
            if (_final) return JsonTokenType.None;
            await FillAsync(cancellationToken);
        }
    }

    /// <summary>Consumes the next token; a property's name is returned with it.</summary>
    public async ValueTask<(JsonTokenType Type, string? Name)> ReadTokenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (found, type, name) = TryToken(commit: true);
            if (found) return (type, name);
            if (_final) return (JsonTokenType.None, null);
            await FillAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Consumes the next whole value. Null when it does not fit in <paramref name="limit"/> bytes; then nothing is consumed.
    /// </summary>
    public async ValueTask<JsonElement?> ReadValueAsync(int limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var value = TryValue();
            if (value is not null) return value;
            if (_final) throw Malformed("the file ends inside a value");
            if (_end - _start >= limit) return null;
            await FillAsync(cancellationToken);
        }
    }

    /// <summary>Skips the next value token by token, however large it is.</summary>
    public async ValueTask SkipValueAsync(CancellationToken cancellationToken)
    {
        int depth = 0;
        do
        {
            var (type, _) = await ReadTokenAsync(cancellationToken);
            if (type is JsonTokenType.StartObject or JsonTokenType.StartArray) depth++;
            else if (type is JsonTokenType.EndObject or JsonTokenType.EndArray) depth--;
            else if (type == JsonTokenType.None) throw Malformed("the file ends inside a value");
        }
        while (depth > 0);
    }

    private (bool Found, JsonTokenType Type, string? Name) TryToken(bool commit)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        try
        {
            if (!reader.Read()) return (false, JsonTokenType.None, null);
            TokenLine = LineAt(_start + (int)reader.TokenStartIndex);
            var name = reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : null;
            if (commit) Commit(ref reader);
            return (true, reader.TokenType, name);
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }
        catch (InvalidOperationException)
        {
            throw new ImportException($"line {Line}: a key is not valid Unicode text (invalid UTF-8 or a lone surrogate)");
        }
    }

    private JsonElement? TryValue()
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        try
        {
            // Step onto the value's first token: from a state after '[' or ',' TryParseValue would take the
            // enclosing array for the value.
            if (!reader.Read() || !JsonDocument.TryParseValue(ref reader, out var document)) return null;
            using (document)
            {
                Commit(ref reader);
                return document.RootElement.Clone();
            }
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            LineAt(_start);
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _countedTo -= _start;
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= maxRecordBytes)
                throw new ImportException($"line {Line}: a single JSON token or record is over {maxRecordBytes} bytes (Ingest:MaxImportRecordBytes)");
            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, maxRecordBytes));
        }
        int read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        if (read == 0) _final = true;
        _end += read;
        if (!_started)
        {
            _started = true;
            // A UTF-8 byte order mark is not JSON; vendors' exports sometimes start with one.
            if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) _start = _countedTo = 3;
        }
    }

    private long LineAt(int index)
    {
        if (index >= _countedTo)
        {
            _newlines += _buffer.AsSpan(_countedTo, index - _countedTo).Count((byte)'\n');
            _countedTo = index;
            return _newlines + 1;
        }
        return _newlines - _buffer.AsSpan(index, _countedTo - index).Count((byte)'\n') + 1;
    }

    private ImportException Malformed(JsonException ex) =>
        new($"line {Line + (ex.LineNumber ?? 0)}: not valid JSON ({ex.Message.Split(" LineNumber")[0].Split(" Path:")[0]})");

    private ImportException Malformed(string what) => new($"line {Line}: not valid JSON ({what})");
}
