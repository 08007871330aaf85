using Spectre.Console;

namespace AuditDashboard.Cli.Commands;

/// <summary>A live progress bar on a terminal; plain periodic lines on stderr when output is redirected.</summary>
internal static class ProgressOutput
{
    public static async Task<T> RunAsync<T>(string label, long? total, Func<IProgress<long>, Task<T>> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsErrorRedirected)
        {
            var last = DateTime.UtcNow;
            var plain = new Progress<long>(n =>
            {
                if ((DateTime.UtcNow - last).TotalSeconds < 2) return;
                last = DateTime.UtcNow;
                Console.Error.WriteLine(total is { } t ? $"{label}: {n:N0} of {t:N0}" : $"{label}: {n:N0}");
            });
            return await work(plain);
        }

        T result = default!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(label, maxValue: total ?? 1);
                if (total is null) task.IsIndeterminate = true;
                var progress = new SyncProgress(n => task.Value = total is null ? 0 : n);
                result = await work(progress);
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Reports on the caller's thread, so the bar is current when the work ends.</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
