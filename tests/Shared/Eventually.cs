namespace AuditDashboard.Testing;

/// <summary>
/// Waits for something the test cannot await directly (events shipped by another process, a background round) by
/// asking again every 100 ms. The deadline only guards against hanging: no test asserts on how long it took.
/// Shared by the test projects as a linked source file.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Returns the first probe result that is <paramref name="done"/>; on time-out says what was awaited and what was last seen.</summary>
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, Func<T, string>? describe = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{what} did not happen within {(timeout ?? DefaultTimeout).TotalSeconds:F0} s{(describe is null ? "" : "; last seen: " + describe(value))}");
            await Task.Delay(100);
        }
    }

    public static Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        HoldsAsync(condition, ok => ok, what, timeout: timeout);

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        HoldsAsync(() => Task.FromResult(condition()), ok => ok, what, timeout: timeout);
}
