using System.CommandLine;
using GzAiEdge.Cli.Commands;

var root = new RootCommand("GzAiEdge command line: watch KPIs, provision, verify, evaluate, sign models, keep test sets, run audits and send devices commands.")
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
    SendCommand.Create(),
    ConfigCommand.Create(),
    KpisCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
