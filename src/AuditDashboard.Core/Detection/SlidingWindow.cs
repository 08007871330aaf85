namespace AuditDashboard.Core.Detection;

/// <summary>
/// Recent items per key within a time window. Old items fall out as time moves on, a key with nothing recent is
/// forgotten, and each key keeps at most <c>maxPerKey</c> items: memory is bounded by activity, not history.
/// </summary>
public sealed class SlidingWindow<T>(TimeSpan window, int maxPerKey = 1000)
{
    private readonly Dictionary<string, Queue<(DateTime At, T Item)>> _byKey = new(StringComparer.Ordinal);
    private DateTime _lastSweep = DateTime.MinValue;

    public int Keys => _byKey.Count;

    /// <summary>Adds an item and returns what the key holds within the window ending at <paramref name="at"/>.</summary>
    public IReadOnlyCollection<(DateTime At, T Item)> Add(string key, DateTime at, T item)
    {
        if (!_byKey.TryGetValue(key, out var queue)) _byKey[key] = queue = new Queue<(DateTime, T)>();
        queue.Enqueue((at, item));
        while (queue.Count > 0 && (queue.Peek().At < at - window || queue.Count > maxPerKey)) queue.Dequeue();
        Sweep(at);
        return queue;
    }

    private void Sweep(DateTime now)
    {
        if (now - _lastSweep < window) return;
        _lastSweep = now;
        foreach (var key in _byKey.Where(kv => kv.Value.Count == 0 || kv.Value.Last().At < now - window).Select(kv => kv.Key).ToList())
            _byKey.Remove(key);
    }
}
