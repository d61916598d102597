namespace GzAiEdge.Cli.Commands;

/// <summary>Counts the HTTP requests to InfluxDB's <c>/query</c> (each may carry several statements).</summary>
internal sealed class QueryCounter() : DelegatingHandler(new HttpClientHandler())
{
    private int _queries;

    public int Queries => _queries;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri?.AbsolutePath.EndsWith("/query", StringComparison.Ordinal) == true)
        {
            Interlocked.Increment(ref _queries);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
