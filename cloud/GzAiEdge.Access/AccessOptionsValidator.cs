using GzAiEdge.Access.Authorization;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Access;

/// <summary>Fails the start on an access setting that cannot work, naming the key.</summary>
public sealed class AccessOptionsValidator : IValidateOptions<AccessOptions>
{
    private const string S = AccessOptions.Section;

    public ValidateOptionsResult Validate(string? name, AccessOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.StorePath))
        {
            errors.Add($"{S}:StorePath: must name the accounts' SQLite file");
        }

        if (o.DeviceTokensPath is { Length: > 0 } devices && !File.Exists(devices))
        {
            errors.Add($"{S}:DeviceTokensPath: file '{Path.GetFullPath(devices)}' not found (gz provision writes cloud/device-tokens.json)");
        }

        Range(errors, "MaxFailedSignIns", o.MaxFailedSignIns, 1, 100);
        Range(errors, "LockoutMinutes", o.LockoutMinutes, 1, 24 * 60);
        Range(errors, "SessionHours", o.SessionHours, 1, 24 * 30);
        Range(errors, "TokenMaxDays", o.TokenMaxDays, 1, 3650);
        Range(errors, "SignInsPerMinute", o.SignInsPerMinute, 1, 10_000);
        if (o.Oidc.Authority is { Length: > 0 } authority)
        {
            CheckOidc(errors, authority, o.Oidc);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckOidc(List<string> errors, string authority, OidcOptions oidc)
    {
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            errors.Add($"{S}:Oidc:Authority: '{authority}' is not an http(s) address");
        }
        else if (uri.Scheme == "http" && oidc.RequireHttpsMetadata)
        {
            errors.Add($"{S}:Oidc:Authority: '{authority}' is plain http; use https (or set {S}:Oidc:RequireHttpsMetadata=false for a provider on loopback)");
        }

        if (string.IsNullOrWhiteSpace(oidc.ClientId))
        {
            errors.Add($"{S}:Oidc:ClientId: required when {S}:Oidc:Authority is set");
        }

        if (oidc.Roles.Count == 0)
        {
            errors.Add($"{S}:Oidc:Roles: map at least one claim value to a role, or nobody can sign in through {authority}");
        }

        for (var i = 0; i < oidc.Roles.Count; i++)
        {
            var mapping = oidc.Roles[i];
            if (Roles.Check(mapping.Role) is { } why)
            {
                errors.Add($"{S}:Oidc:Roles:{i}:Role: {why}");
            }

            if (string.IsNullOrWhiteSpace(mapping.Claim) || string.IsNullOrWhiteSpace(mapping.Value))
            {
                errors.Add($"{S}:Oidc:Roles:{i}: Claim and Value are both required");
            }

            if (mapping.Role == Roles.Provider && string.IsNullOrWhiteSpace(oidc.ProviderClaim))
            {
                errors.Add($"{S}:Oidc:Roles:{i}: the provider role needs {S}:Oidc:ProviderClaim, the claim that names the provider");
            }

            if (mapping.Role == Roles.SiteOperator && string.IsNullOrWhiteSpace(oidc.SitesClaim))
            {
                errors.Add($"{S}:Oidc:Roles:{i}: the site-operator role needs {S}:Oidc:SitesClaim, the claim that lists the sites");
            }
        }
    }

    private static void Range(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{S}:{key}: {value} is outside {min}..{max}");
        }
    }
}
