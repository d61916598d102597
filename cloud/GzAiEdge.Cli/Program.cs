using System.CommandLine;
using GzAiEdge.Cli.Commands;

var root = new RootCommand("GzAiEdge command line: watch KPIs, and (as they arrive) provision, verify, evaluate.")
{
    WatchCommand.Create(),
    EvaluateCommand.Create(),
    LeaderboardCommand.Create(),
    ReportCommand.Create(),
    BenchCommand.Create(),
    ProvisionCommand.Create(),
    VerifyCommand.Create(),
    ConfigCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
