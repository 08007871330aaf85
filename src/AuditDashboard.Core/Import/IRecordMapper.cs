namespace AuditDashboard.Core.Import;

/// <summary>
/// Maps one vendor record to canonical events (usually one; none for a vendor type outside the taxonomy, which
/// the import reports as skipped by its <see cref="VendorType"/>); throws <see cref="ImportException"/> when a record
/// is malformed.
/// </summary>
public interface IRecordMapper
{
    string Format { get; }

    /// <summary>CEF is read line by line; everything else as JSON.</summary>
    bool ReadsLines => false;

    IReadOnlyList<CanonicalEvent> Map(ImportRecord record, string? source);

    /// <summary>The vendor's own event type, for the skipped tally.</summary>
    string VendorType(ImportRecord record);
}
