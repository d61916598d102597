using System.CommandLine;
using GzAiEdge.Access.Store;
using GzAiEdge.AuditLog;
using Microsoft.Extensions.DependencyInjection;

namespace GzAiEdge.Cli.Accounts;

/// <summary>
/// The cloud's accounts store and audit log, opened as files by the operator on the server (<c>gz user</c>,
/// <c>gz token</c>): the first admin has to come from somewhere other than the API. Every change is appended to the
/// audit log as <c>cli:{the operating-system user}</c> from <c>local</c>.
/// </summary>
internal sealed class LocalStore
{
    public Option<string> Store { get; } = new("--store") { Description = "The cloud's accounts store (Access:StorePath)", DefaultValueFactory = _ => "access.db", Recursive = true };

    public Option<string> AuditLog { get; } = new("--audit-log") { Description = "The cloud's audit log (AuditLog:Path)", DefaultValueFactory = _ => "audit-log.db", Recursive = true };

    public static string Actor => $"cli:{Environment.UserName}";

    public void AddTo(Command command)
    {
        command.Options.Add(Store);
        command.Options.Add(AuditLog);
    }

    /// <summary>Opens both files (made if new) and runs <paramref name="run"/> in a scope; a failure to open is one line and exit code 2.</summary>
    public async Task<int> RunAsync(ParseResult result, string what, Func<IServiceProvider, SqliteAuditLog, Task<int>> run)
    {
        ServiceProvider services;
        try
        {
            services = AccessStore.OpenOffline(result.GetValue(Store)!, result.GetValue(AuditLog)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine($"gz {what}: cannot open {result.GetValue(Store)} or {result.GetValue(AuditLog)}: {ex.Message}");
            return 2;
        }

        await using (services)
        {
            await using var scope = services.CreateAsyncScope();
            try
            {
                return await run(scope.ServiceProvider, services.GetRequiredService<SqliteAuditLog>());
            }
            catch (Exception ex) when (ex is InvalidOperationException or Scenarios.Catalogue.CatalogueException or IOException)
            {
                Console.Error.WriteLine($"gz {what}: {ex.Message}");
                return 2;
            }
        }
    }

    public static Task RecordAsync(SqliteAuditLog log, string action, string target, string outcome, string? details = null) =>
        log.AppendAsync(new AuditRecord(Actor, "local", action, target, outcome, "local", details), CancellationToken.None);
}
