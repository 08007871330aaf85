using AuditDashboard.Core.Integrity;

namespace AuditDashboard.Web.Integrity;

/// <summary>The latest verification of the whole chain, as the dashboard shows it.</summary>
public sealed class IntegrityStatus
{
    private VerificationResult? _last;
    private DateTime? _checkedAt;

    public (VerificationResult? Result, DateTime? CheckedAt) Latest => (_last, _checkedAt);

    /// <summary>Raised after each verification, so open pages show the new result without a reload.</summary>
    public event Action? Changed;

    public void Record(VerificationResult result, DateTime at)
    {
        _last = result;
        _checkedAt = at;
        Changed?.Invoke();
    }
}
