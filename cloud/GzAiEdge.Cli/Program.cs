using System.CommandLine;
using GzAiEdge.Cli.Accounts;
using GzAiEdge.Cli.Commands;

var root = new RootCommand("GzAiEdge command line: watch KPIs, provision, verify, evaluate, sign models, keep test sets, run audits, send devices commands, manage accounts and tokens, read the audit log.")
{
    WatchCommand.Create(),
    EvaluateCommand.Create(),
    LeaderboardCommand.Create(),
    ReportCommand.Create(),
    BenchCommand.Create(),
    ProvisionCommand.Create(),
    VerifyCommand.Create(),
    ModelCommand.Create(),
    TestSetCommand.Create(),
    AuditCommand.Create(),
    FieldAuditCommand.Create(),
    SendCommand.Create(),
    ConfigCommand.Create(),
    KpisCommand.Create(),
    UserCommand.Create(),
    TokenCommand.Create(),
    AuditLogCommand.Create(),
    DoctorCommand.Create(),
};
foreach (var command in BackupCommand.Create())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
