using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace GzAiEdge.TimeSeries;

/// <summary>
/// The InfluxDB HTTP API over a typed <see cref="HttpClient"/>: writes through the 1.x <c>/write</c> or
/// the <c>/api/v2/write</c> endpoint (<see cref="InfluxDbOptions.WriteApi"/>), InfluxQL through 1.x
/// <c>/query</c>, and <c>/ping</c>. Failures are split by what the caller should do: bad data
/// (<see cref="InfluxDbWriteRejectedException"/>) versus try again later
/// (<see cref="InfluxDbUnavailableException"/>). Cancelling the caller's token cancels as usual.
/// </summary>
public sealed class InfluxDbClient
{
    private static readonly MediaTypeHeaderValue LineProtocolType = new("text/plain") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly InfluxDbOptions _options;
    private readonly Uri _writeUri;
    private readonly Uri _queryUri;
    private readonly Uri _pingUri;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly AuthenticationHeaderValue? _writeAuthorization;
    private readonly string _writeTarget;

    public InfluxDbClient(HttpClient http, IOptions<InfluxDbOptions> options)
    {
        _http = http;
        _options = options.Value;
        var root = _options.BaseAddress.AbsoluteUri.TrimEnd('/');
        var database = Uri.EscapeDataString(_options.Database);
        _queryUri = new Uri($"{root}/query?db={database}&epoch=ns");
        _pingUri = new Uri($"{root}/ping");
        if (_options.Username is not null)
        {
            var credentials = Encoding.UTF8.GetBytes($"{_options.Username}:{_options.Password}");
            _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
        }

        if (_options.WriteApi == InfluxWriteApi.V2)
        {
            _writeUri = new Uri($"{root}/api/v2/write?org={Uri.EscapeDataString(_options.Org!)}&bucket={Uri.EscapeDataString(_options.Bucket!)}&precision=ns");
            _writeAuthorization = _options.Token is { Length: > 0 } token ? new AuthenticationHeaderValue("Token", token) : null;
            _writeTarget = $"bucket \"{_options.Bucket}\" of org \"{_options.Org}\"";
        }
        else
        {
            _writeUri = new Uri($"{root}/write?db={database}&precision=ns");
            _writeAuthorization = _authorization;
            _writeTarget = $"\"{_options.Database}\"";
        }
    }

    /// <summary>Sends line protocol (one or more <c>\n</c>-separated points, nanosecond timestamps).</summary>
    /// <exception cref="InfluxDbWriteRejectedException">The data is bad; retrying will not help.</exception>
    /// <exception cref="InfluxDbUnavailableException">InfluxDB cannot take it now; retry later.</exception>
    public async Task WriteAsync(ReadOnlyMemory<byte> lineProtocol, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(lineProtocol);
        content.Headers.ContentType = LineProtocolType;
        using var request = new HttpRequestMessage(HttpMethod.Post, _writeUri) { Content = content };
        using var response = await SendAsync(request, _writeAuthorization, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var error = await ReadErrorAsync(response, cancellationToken);

        // 400 is InfluxDB saying the points are wrong (parse error, type conflict, partial write); 2.x says
        // 422 for points it cannot take (outside retention, schema conflict); 413 is a body over the
        // server's limit: the same bytes can never succeed.
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.RequestEntityTooLarge)
        {
            throw new InfluxDbWriteRejectedException(response.StatusCode, error);
        }

        // 5xx, and also 401/403/404 (credentials, missing database): operators can fix those
        // without touching the data, so the data must wait rather than be discarded.
        throw new InfluxDbUnavailableException($"InfluxDB at {_options.BaseAddress} answered {(int)response.StatusCode} to a write to {_writeTarget}: {error}");
    }

    /// <summary>Runs InfluxQL against the configured database; times come back as nanoseconds.</summary>
    /// <exception cref="InfluxQueryException">InfluxDB reported an error for the query or one of its statements.</exception>
    /// <exception cref="InfluxDbUnavailableException">InfluxDB cannot answer now; retry later.</exception>
    public async Task<InfluxQueryResult> QueryAsync(string influxQl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(influxQl);

        // POST keeps long queries out of the URL and is accepted for every statement kind
        // (GET is deprecated for statements that change data).
        using var content = new FormUrlEncodedContent([new("q", influxQl)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, _queryUri) { Content = content };
        using var response = await SendAsync(request, _authorization, cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest))
        {
            var error = await ReadErrorAsync(response, cancellationToken);
            throw new InfluxDbUnavailableException($"InfluxDB at {_options.BaseAddress} answered {(int)response.StatusCode} to a query: {error}");
        }

        // The body is already buffered (ResponseContentRead), so only its content can fail here.
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            return InfluxQueryResponse.Parse(document.RootElement.Clone());
        }
        catch (JsonException exception)
        {
            throw new InfluxQueryException($"the response is not valid JSON: {exception.Message}");
        }
    }

    /// <summary>Creates the configured database unless it exists (CREATE DATABASE is idempotent in 1.x).</summary>
    public Task EnsureDatabaseAsync(CancellationToken cancellationToken) =>
        QueryAsync($"CREATE DATABASE {InfluxQl.Identifier(_options.Database)}", cancellationToken);

    /// <summary>True when InfluxDB answers <c>/ping</c> with 204.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _pingUri);
        try
        {
            using var response = await SendAsync(request, _authorization, cancellationToken);
            return response.StatusCode == HttpStatusCode.NoContent;
        }
        catch (InfluxDbUnavailableException)
        {
            return false;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, AuthenticationHeaderValue? authorization,
        CancellationToken cancellationToken)
    {
        request.Headers.Authorization = authorization;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InfluxDbUnavailableException($"InfluxDB at {_options.BaseAddress} did not answer within {_options.Timeout}", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new InfluxDbUnavailableException($"InfluxDB at {_options.BaseAddress} is unreachable: {exception.Message}", exception);
        }
    }

    // InfluxDB 1.x puts the error in a JSON body {"error":"…"} and repeats it in X-Influxdb-Error; 2.x
    // answers {"code":"…","message":"…"}; other stores answer plain text.
    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && (document.RootElement.TryGetProperty("error", out var error) || document.RootElement.TryGetProperty("message", out error))
                && error.ValueKind == JsonValueKind.String && error.GetString() is { } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page, say): fall through to the header or the raw body.
        }

        return response.Headers.TryGetValues("X-Influxdb-Error", out var values)
            ? string.Join("; ", values)
            : body.Trim();
    }
}
