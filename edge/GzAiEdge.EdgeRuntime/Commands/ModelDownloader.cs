using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.EdgeRuntime.Configuration;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Commands;

/// <summary>
/// Fetches manifests and model files from the cloud API (<c>GET /api/v1/models/{name}/{version}</c> and
/// <c>…/content</c>), and audit inputs, and posts audit answers. Over https the server's certificate must chain to
/// <see cref="CommandOptions.CaFile"/> when set. A file is streamed to disk, hashed on the way, and refused as soon as it
/// grows past the size its signed manifest gives.
/// </summary>
public sealed class ModelDownloader : IDisposable
{
    // A manifest is a few hundred bytes; anything much larger is not one.
    private const int MaxManifestBytes = 64 * 1024;
    private static readonly TimeSpan ManifestTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ContentTimeout = TimeSpan.FromMinutes(30);

    private readonly HttpClient _http;

    public ModelDownloader(IOptions<CommandOptions> options)
    {
        var o = options.Value;
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (o.CaFile is { Length: > 0 } ca)
        {
            // Only the provisioned CA is trusted, as for the broker: a certificate from any other CA fails the handshake.
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.ImportFromPemFile(ca);
            handler.SslOptions.CertificateChainPolicy = policy;
        }

        _http = new HttpClient(handler) { BaseAddress = Uri.TryCreate(o.Api, UriKind.Absolute, out var api) ? api : null, Timeout = Timeout.InfiniteTimeSpan };
        if (o.ApiToken is { Length: > 0 } token)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    /// <summary>The manifest of <paramref name="name"/> <paramref name="version"/>, well formed (its signature is the caller's to check).</summary>
    /// <exception cref="ModelDownloadException">The API could not be reached, answered an error, or sent no manifest.</exception>
    public async Task<ModelManifest> FetchManifestAsync(string name, string version, CancellationToken cancellationToken)
    {
        var uri = new Uri($"api/v1/models/{name}/{version}", UriKind.Relative);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ManifestTimeout);
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), uri, timeout.Token, cancellationToken);
        if (response.Content.Headers.ContentLength > MaxManifestBytes)
        {
            throw new ModelDownloadException($"{Where(uri)}: {response.Content.Headers.ContentLength} bytes is no manifest");
        }

        var bytes = await Guard(uri, () => response.Content.ReadAsByteArrayAsync(timeout.Token), cancellationToken);
        if (bytes.Length > MaxManifestBytes)
        {
            throw new ModelDownloadException($"{Where(uri)}: {bytes.Length} bytes is no manifest");
        }

        if (!MessageReader.TryReadManifest(bytes, out var manifest, out var errors))
        {
            throw new ModelDownloadException($"{Where(uri)}: not a model manifest ({ContractError.Join(errors)})");
        }

        return manifest;
    }

    /// <summary>Streams the model's file to <paramref name="path"/> and checks its size and SHA-256 against <paramref name="manifest"/>.</summary>
    /// <exception cref="ModelDownloadException">The download failed, or the bytes are not those the manifest names (the file is deleted).</exception>
    public Task DownloadAsync(ModelManifest manifest, string path, CancellationToken cancellationToken) =>
        DownloadAsync($"api/v1/models/{manifest.Name}/{manifest.Version}/content", manifest.Sha256, manifest.Size, path, ContentTimeout, cancellationToken);

    /// <summary>
    /// Streams the file at <paramref name="relativeUrl"/> (under the cloud API) to <paramref name="path"/> and checks it is
    /// <paramref name="size"/> bytes with SHA-256 <paramref name="sha256"/>, as a signed manifest gives them.
    /// </summary>
    /// <exception cref="ModelDownloadException">The download failed, took longer than <paramref name="limit"/>, or the bytes are not those named (the file is deleted).</exception>
    public async Task DownloadAsync(string relativeUrl, string sha256, long size, string path, TimeSpan limit, CancellationToken cancellationToken)
    {
        var uri = new Uri(relativeUrl, UriKind.Relative);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), uri, timeout.Token, cancellationToken);
            if (response.Content.Headers.ContentLength is { } length && length != size)
            {
                throw new ModelDownloadException($"{Where(uri)}: the server sends {length} bytes, the signed manifest says {size}");
            }

            var actual = await Guard(uri, () => CopyHashedAsync(response, path, size, uri, timeout.Token), cancellationToken);
            if (actual != sha256)
            {
                throw new ModelDownloadException($"{Where(uri)}: the downloaded file has SHA-256 {actual}, the signed manifest says {sha256}");
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Posts <paramref name="json"/> to <paramref name="relativeUrl"/>; returns the status and the body of the answer, whatever the status.</summary>
    /// <exception cref="ModelDownloadException">The cloud could not be reached or did not answer in time.</exception>
    public async Task<(int Status, string Body)> PostAsync(string relativeUrl, byte[] json, TimeSpan limit, CancellationToken cancellationToken)
    {
        var uri = new Uri(relativeUrl, UriKind.Relative);
        if (_http.BaseAddress is null)
        {
            throw new ModelDownloadException("Commands:Api is not set: the device does not know where to post answers to");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Guard(uri, () => _http.SendAsync(request, timeout.Token), cancellationToken);
        return ((int)response.StatusCode, await Guard(uri, () => response.Content.ReadAsStringAsync(timeout.Token), cancellationToken));
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> CopyHashedAsync(HttpResponseMessage response, string path, long size, Uri uri, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > size)
                {
                    throw new ModelDownloadException($"{Where(uri)}: more than the {size} bytes the signed manifest says; download stopped");
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            file.Flush(flushToDisk: true);
        }

        return total == size
            ? Convert.ToHexStringLower(hash.GetHashAndReset())
            : throw new ModelDownloadException($"{Where(uri)}: {total} bytes arrived, the signed manifest says {size}");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, Uri uri, CancellationToken cancellationToken, CancellationToken stopping)
    {
        if (_http.BaseAddress is null)
        {
            throw new ModelDownloadException("Commands:Api is not set: the device does not know where to download models from");
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/octet-stream"));
        var response = await Guard(uri, () => _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken), stopping);
        if (!response.IsSuccessStatusCode)
        {
            var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            response.Dispose();
            throw new ModelDownloadException($"{Where(uri)}: the cloud answered {status}");
        }

        return response;
    }

    private string Where(Uri uri) => new Uri(_http.BaseAddress!, uri).ToString();

    // Transport failures and the download's own timeouts become one exception naming the address; a stop
    // of the worker (stopping) stays a cancellation.
    private async Task<T> Guard<T>(Uri uri, Func<Task<T>> step, CancellationToken stopping)
    {
        try
        {
            return await step();
        }
        catch (HttpRequestException ex)
        {
            throw new ModelDownloadException($"{Where(uri)}: {ex.Message}{(ex.InnerException is { } inner ? $" ({inner.Message})" : string.Empty)}", ex);
        }
        catch (OperationCanceledException ex) when (!stopping.IsCancellationRequested)
        {
            throw new ModelDownloadException($"{Where(uri)}: timed out", ex);
        }
        catch (IOException ex)
        {
            throw new ModelDownloadException($"{Where(uri)}: {ex.Message}", ex);
        }
    }
}

/// <summary>A manifest or model could not be downloaded, or was not what the manifest says; the message names the address.</summary>
public sealed class ModelDownloadException(string message, Exception? inner = null) : Exception(message, inner);
