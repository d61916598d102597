using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using GzAiEdge.AuditLog;
using GzAiEdge.Cli.Accounts;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.DeviceManagement.Models;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.Cli.Commands;

/// <summary>
/// <c>gz model sign</c>: puts a model file and its manifest, signed with the programme's private key, into a model
/// repository folder (the cloud's <c>Models:Path</c>), from where devices install it with <c>model.update</c>.
/// </summary>
internal static class ModelCommand
{
    public static Command Create()
    {
        var key = new Option<string>("--key") { Description = "The programme's private key (PEM; gz provision writes programme/programme-key.pem)", Required = true };
        var file = new Option<string>("--file") { Description = "The model file (ONNX)", Required = true };
        var name = new Option<string>("--name") { Description = "Model name (a-z, 0-9, '-', '_'), reported as model.name", Required = true };
        var version = new Option<string>("--version") { Description = "Model version (letters, digits, '.', '-', '_'), reported as model.version", Required = true };
        var output = new Option<string>("--out") { Description = "The model repository folder (created if missing)", Required = true };
        var number = new Option<long>("--version-number") { Description = "A number that grows with every release of this model: a device installs only a higher one than it runs", Required = true };
        var pipeline = new Option<string>("--pipeline") { Description = $"The pipeline the model is for ({string.Join(", ", PipelineNames.WithModel)}); devices running another refuse it", Required = true };
        var expiresDays = new Option<int>("--expires-days") { Description = "Days the manifest stays installable; devices refuse it after", DefaultValueFactory = _ => 365 };
        var downgrade = new Option<bool>("--downgrade") { Description = "Allow installing this over a model with the same or a higher version number (rolling a bad release back)" };
        var provider = new Option<string?>("--provider") { Description = "The provider the model belongs to, as the catalogue's provider field writes it: their people see it and their devices may download it (without it only admins and evaluators see it)" };
        var providerOf = new ProviderOf();
        var auditLog = new Option<string?>("--audit-log") { Description = "The cloud's audit log (AuditLog:Path): the publication is recorded there" };
        name.Validators.Add(r => Check(r, "--name", ModelManifestValidator.CheckName(r.GetValueOrDefault<string>())));
        version.Validators.Add(r => Check(r, "--version", ModelManifestValidator.CheckVersion(r.GetValueOrDefault<string>())));
        number.Validators.Add(r => Check(r, "--version-number", r.GetValueOrDefault<long>() < 1 ? "must be 1 or more" : null));
        pipeline.Validators.Add(r => Check(r, "--pipeline", PipelineNames.WithModel.Contains(r.GetValueOrDefault<string>())
            ? null : $"'{r.GetValueOrDefault<string>()}' is not one of {string.Join(", ", PipelineNames.WithModel)}"));
        expiresDays.Validators.Add(r => Check(r, "--expires-days", r.GetValueOrDefault<int>() is >= 1 and <= 3650 ? null : "must be between 1 and 3650"));
        var sign = new Command("sign", "Sign a model file into a repository folder: {out}/{name}/{version}/model.onnx and manifest.json")
        {
            key, file, name, version, number, pipeline, expiresDays, downgrade, output, provider, auditLog,
        };
        providerOf.AddTo(sign);
        sign.SetAction(result =>
        {
            try
            {
                var owner = providerOf.Resolve(result, result.GetValue(provider));
                var release = new Release(result.GetValue(name)!, result.GetValue(version)!, result.GetValue(number), result.GetValue(pipeline)!,
                    TimeSpan.FromDays(result.GetValue(expiresDays)), result.GetValue(downgrade));
                var manifest = Sign(result.GetValue(key)!, result.GetValue(file)!, release, result.GetValue(output)!, owner, out var folder);
                if (result.GetValue(auditLog) is { } log)
                {
                    new SqliteAuditLog(log, TimeProvider.System).AppendAsync(new AuditRecord(LocalStore.Actor, "local", "model.publish", $"{manifest.Name} {manifest.Version}",
                        AuditOutcomes.Done, "local", $"sha256 {manifest.Sha256}, provider {owner ?? "(programme)"}"), CancellationToken.None).GetAwaiter().GetResult();
                }

                Console.WriteLine($"signed {manifest.Name} {manifest.Version} (number {manifest.VersionNumber}{(manifest.Downgrade ? ", a downgrade" : string.Empty)}) for {manifest.Pipeline}: "
                    + $"sha256 {manifest.Sha256}, {manifest.Size} bytes, key {manifest.Kid}, installable until {manifest.Expires:O}");
                Console.WriteLine($"  {folder}");
                return 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException or Scenarios.Catalogue.CatalogueException)
            {
                Console.Error.WriteLine($"gz model sign: {ex.Message}");
                return 1;
            }
        });
        return new Command("model", "Models for model.update: sign one into a repository folder") { sign };
    }

    private static ModelManifest Sign(string keyFile, string file, Release release, string output, string? provider, out string folder)
    {
        using var programme = ProgrammeSigner.FromPemFile(keyFile);
        folder = Path.GetFullPath(Path.Combine(output, release.Name, release.Version));
        var ownerFile = Path.Combine(output, release.Name, ModelRepository.ProviderFile);
        var owner = File.Exists(ownerFile) ? File.ReadLines(ownerFile).FirstOrDefault()?.Trim() : null;
        if (owner is not null && provider is not null && owner != provider)
        {
            throw new InvalidOperationException($"{ownerFile} says {release.Name} belongs to '{owner}', not '{provider}': a model's versions belong to one provider");
        }

        var manifestPath = Path.Combine(folder, ModelRepository.ManifestFile);
        if (File.Exists(manifestPath))
        {
            throw new InvalidOperationException($"{manifestPath} exists: a published version does not change; give a new --version");
        }

        if (new FileInfo(file).Length == 0)
        {
            throw new InvalidDataException($"{file} is empty");
        }

        Directory.CreateDirectory(folder);
        var content = Path.Combine(folder, ModelRepository.ContentFile);
        var (sha256, size) = CopyHashed(file, content + ".tmp");
        File.Move(content + ".tmp", content, overwrite: true);
        var created = DateTimeOffset.UtcNow;
        var manifest = programme.Sign(new ModelManifest
        {
            V = ContractVersion.Current,
            Name = release.Name,
            Version = release.Version,
            VersionNumber = release.Number,
            Pipeline = release.Pipeline,
            Sha256 = sha256,
            Size = size,
            Created = created,
            Expires = created + release.Lifetime,
            Downgrade = release.Downgrade,
        });

        // What a device will check, checked once here with the public half of the same key.
        using var check = SignatureCheck.FromPem(programme.PublicKeyPem, keyFile);
        if (ModelManifestValidator.Verify(manifest, check) is { Count: > 0 } errors)
        {
            throw new InvalidDataException($"the signed manifest does not verify: {ContractError.Join(errors)}");
        }

        if (owner is null && provider is not null)
        {
            File.WriteAllText(ownerFile, provider + "\n");
        }

        File.WriteAllBytes(manifestPath + ".tmp", JsonSerializer.SerializeToUtf8Bytes(manifest, GzJsonContext.Default.ModelManifest));
        File.Move(manifestPath + ".tmp", manifestPath);
        return manifest;
    }

    private sealed record Release(string Name, string Version, long Number, string Pipeline, TimeSpan Lifetime, bool Downgrade);

    private static (string Sha256, long Size) CopyHashed(string from, string to)
    {
        using var source = File.OpenRead(from);
        using var target = File.Create(to);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            target.Write(buffer, 0, read);
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), source.Length);
    }

    private static void Check(System.CommandLine.Parsing.OptionResult result, string option, string? why)
    {
        if (why is not null)
        {
            result.AddError($"{option}: {why}");
        }
    }
}
