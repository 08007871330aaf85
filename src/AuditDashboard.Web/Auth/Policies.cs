using Microsoft.AspNetCore.Authorization;

namespace AuditDashboard.Web.Auth;

/// <summary>Authorization policies by what a page does, each a set of roles.</summary>
public static class Policies
{
    /// <summary>Browse events, sessions and the overview: every dashboard role.</summary>
    public const string Viewer = "Viewer";
    /// <summary>Triage alerts.</summary>
    public const string Analyst = "Analyst";
    /// <summary>Generate and download reports.</summary>
    public const string Compliance = "Compliance";
    /// <summary>Read the signed log's checkpoints and tiles (hashes only): auditors, compliance officers, administrators.</summary>
    public const string LogReader = "LogReader";
    /// <summary>Operate the product: imports, keys, settings.</summary>
    public const string Administrator = "Administrator";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Viewer, p => p.RequireAuthenticatedUser().RequireRole(Roles.All));
        options.AddPolicy(Analyst, p => p.RequireAuthenticatedUser().RequireRole(Roles.SecurityAnalyst, Roles.Administrator));
        options.AddPolicy(Compliance, p => p.RequireAuthenticatedUser().RequireRole(Roles.ComplianceOfficer, Roles.Administrator));
        options.AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator));
        options.AddPolicy(LogReader, p => p.RequireAuthenticatedUser().RequireRole(Roles.Auditor, Roles.ComplianceOfficer, Roles.Administrator));
        // Anything not marked otherwise needs a signed-in user.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
