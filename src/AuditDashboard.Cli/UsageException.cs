namespace AuditDashboard.Cli;

/// <summary>A problem with how the command was called; exits with <see cref="ExitCodes.Usage"/>.</summary>
public sealed class UsageException(string message) : Exception(message);
