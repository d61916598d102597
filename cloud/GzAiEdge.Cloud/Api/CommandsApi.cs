using GzAiEdge.Access;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Scoping;
using GzAiEdge.AuditLog;
using GzAiEdge.Contracts.Api;
using GzAiEdge.Contracts.Commands;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.DeviceManagement.Commands;
using GzAiEdge.DeviceManagement.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>
/// Commands to one device: validated, published on its cmd topic, answered by the device with events that carry the
/// command's id (<c>GET /api/v1/devices/{site}/{device}/events?command={id}</c>). Only admins and the operators of the
/// device's site send commands; every command sent or refused is in the audit log.
/// </summary>
public static class CommandsApi
{
    public static IEndpointRouteBuilder MapCommandsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/devices/{site}/{device}/commands", SendAsync).WithTags("Commands").RequireAuthorization(Policies.SiteOperator);
        return app;
    }

    public static async Task<Results<Accepted<CommandSent>, ValidationProblem, ProblemHttpResult>> SendAsync(
        HttpContext http, CommandPublisher publisher, CommandSigning signing, ModelRepository models, TimeProvider time, string site, string device, CommandRequest request,
        CancellationToken cancellationToken)
    {
        var checks = new ApiChecks();
        checks.Id("site", site);
        checks.Id("device", device);
        if (!checks.Failed && !AccessScope.Of(http).Commands(site))
        {
            return ApiProblems.NotFound(DevicesApi.Unknown(site, device));
        }

        var lifetime = request.ExpiresInSeconds ?? CommandTypes.DefaultExpirySeconds;
        if (lifetime < 1 || lifetime > DeviceCommandValidator.MaxLifetime.TotalSeconds)
        {
            checks.Add("expiresInSeconds", $"expiresInSeconds must be within 1..{DeviceCommandValidator.MaxLifetime.TotalSeconds} (was {lifetime})");
        }

        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        var issued = time.GetUtcNow();
        var command = new DeviceCommand
        {
            V = ContractVersion.Current,
            Id = Guid.NewGuid().ToString("N"),
            Site = site,
            Device = device,
            Issued = issued,
            Expires = issued.AddSeconds(lifetime),
            Type = request.Type ?? string.Empty,
            Arguments = request.Arguments,
        };
        foreach (var error in DeviceCommandValidator.Validate(command))
        {
            checks.Add(error.Field, error.ToString());
        }

        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        if (command.Type == CommandTypes.ModelUpdate && CheckModel(models, command.Arguments!, issued) is { } problem)
        {
            await http.AuditAsync("command.send", $"{site}/{device}", AuditOutcomes.Refused, $"{command.Type} {command.Id}: {problem.ProblemDetails.Detail}");
            return problem;
        }

        if (signing.Missing is { } missing)
        {
            await http.AuditAsync("command.send", $"{site}/{device}", AuditOutcomes.Refused, $"{command.Type} {command.Id}: {missing}");
            return TypedResults.Problem(missing, statusCode: StatusCodes.Status503ServiceUnavailable, title: "No command key");
        }

        try
        {
            var topic = await publisher.PublishAsync(command, cancellationToken);
            await http.AuditAsync("command.send", $"{site}/{device}", details: $"{command.Type} {command.Id}{Describe(command.Arguments)}");
            return TypedResults.Accepted($"/api/v1/devices/{site}/{device}/events?command={command.Id}", new CommandSent(command.Id, topic, command.Issued, command.Expires));
        }
        catch (CommandNotPublishedException ex)
        {
            await http.AuditAsync("command.send", $"{site}/{device}", AuditOutcomes.Failed, $"{command.Type} {command.Id}: {ex.Message}");
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Broker unavailable");
        }
    }

    private static string Describe(IReadOnlyDictionary<string, string>? arguments) =>
        arguments is null ? string.Empty : " " + string.Join(" ", arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));

    // The device checks the manifest itself; checking here too tells the operator at once, not through an event.
    private static ProblemHttpResult? CheckModel(ModelRepository models, IReadOnlyDictionary<string, string> arguments, DateTimeOffset now)
    {
        var (name, version) = (arguments[CommandTypes.NameArgument], arguments[CommandTypes.VersionArgument]);
        if (ModelsApi.Find(models, name, version, out var manifest) is { } problem)
        {
            return problem;
        }

        if (manifest!.Expires <= now)
        {
            return TypedResults.Problem($"the manifest of {name} {version} expired at {manifest.Expires:O}; devices refuse it. Sign a new version with gz model sign",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "Manifest expired");
        }

        var errors = models.Verify(manifest!);
        return errors.Count == 0 ? null : TypedResults.Problem(
            $"the manifest of {name} {version} is not the programme's: {ContractError.Join(errors)}",
            statusCode: StatusCodes.Status422UnprocessableEntity, title: "Manifest not signed by the programme");
    }
}
