using AuditDashboard.Cli;

return await CliApp.RunAsync(args);
