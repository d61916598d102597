using GzAiEdge.AuditLog;

namespace GzAiEdge.Access;

/// <summary>Appends what a request did to the audit log, naming the caller and their address.</summary>
public static class AuditTrail
{
    /// <summary>Records an action of the request's caller (<see cref="Caller.AuditName"/>, how they signed in, their address).</summary>
    public static Task AuditAsync(this HttpContext context, string action, string target, string outcome = AuditOutcomes.Done, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.From(context.User);
        return context.AuditAsAsync(caller.AuditName, caller.Method, action, target, outcome, details);
    }

    /// <summary>Records an action of someone not (yet) on the request's principal: a sign-in, a failed one.</summary>
    public static Task AuditAsAsync(this HttpContext context, string actor, string method, string action, string target, string outcome, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var log = context.RequestServices.GetRequiredService<SqliteAuditLog>();
        // Not the request's token: what was done stays recorded even when the client hangs up.
        return log.AppendAsync(new AuditRecord(actor, method, action, target, outcome, From(context), details), CancellationToken.None);
    }

    /// <summary>The client's address as the server saw it.</summary>
    public static string From(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
