using GzAiEdge.Configuration;
using Microsoft.Extensions.Options;

namespace GzAiEdge.AuditLog;

public static class AuditLogServiceExtensions
{
    /// <summary>The audit trail (configuration section <c>AuditLog</c>): one <see cref="SqliteAuditLog"/> for the process.</summary>
    public static IHostApplicationBuilder AddAuditLog(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuditLogOptions>().BindConfiguration(AuditLogOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), $"{AuditLogOptions.Section}:Path: must name the audit log's SQLite file").ValidateOnStart();
        builder.Services.AddBoundSection<AuditLogOptions>(AuditLogOptions.Section);
        builder.Services.AddSingleton(sp => new SqliteAuditLog(sp.GetRequiredService<IOptions<AuditLogOptions>>().Value.Path,
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder;
    }
}
