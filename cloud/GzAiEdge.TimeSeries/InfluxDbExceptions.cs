using System.Net;

namespace GzAiEdge.TimeSeries;

/// <summary>
/// InfluxDB refused the data itself (HTTP 400: unparsable line, field type conflict, …). Sending
/// the same bytes again fails the same way. On a "partial write" the valid points were stored.
/// </summary>
public sealed class InfluxDbWriteRejectedException : Exception
{
    public InfluxDbWriteRejectedException(HttpStatusCode statusCode, string error)
        : base($"InfluxDB rejected the write ({(int)statusCode}): {error}")
    {
        StatusCode = statusCode;
        Error = error;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>InfluxDB's own error text, e.g. <c>unable to parse 'm v=': missing field value</c>.</summary>
    public string Error { get; }
}

/// <summary>
/// InfluxDB could not take the request now (down, refusing connections, timing out, 5xx, missing
/// database or credentials). Nothing about the data is wrong: retry later.
/// </summary>
public sealed class InfluxDbUnavailableException : Exception
{
    public InfluxDbUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>InfluxDB answered a query with an error (bad InfluxQL, unknown database, …).</summary>
public sealed class InfluxQueryException : Exception
{
    public InfluxQueryException(string error)
        : base($"InfluxDB query failed: {error}")
    {
        Error = error;
    }

    public string Error { get; }
}
