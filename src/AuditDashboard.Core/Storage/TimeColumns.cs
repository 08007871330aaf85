using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuditDashboard.Core.Storage;

internal static class TimeColumns
{
    /// <summary>UTC times: ticks on SQLite (exact, and ordered as numbers), datetime2(7) on SQL Server.</summary>
    public static void Time(PropertyBuilder<DateTime> property, bool isSqlite)
    {
        if (isSqlite) property.HasConversion(v => v.Ticks, v => new DateTime(v, DateTimeKind.Utc));
        else property.HasColumnType("datetime2(7)");
    }
}
