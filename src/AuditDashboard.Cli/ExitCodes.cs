namespace AuditDashboard.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The check ran and failed: the chain is broken, or the thing asked for was not found.</summary>
    public const int Failed = 1;
    /// <summary>Bad arguments, or the database could not be reached.</summary>
    public const int Usage = 2;
}
