namespace GzAiEdge.Ingestion.Quota;

/// <summary>Whether a device's message is within its quota, and if not, which limit it passed.</summary>
public enum QuotaVerdict
{
    /// <summary>Within the quota (or not a device's message: the cloud's own commands).</summary>
    Allowed,

    /// <summary>Larger than <see cref="QuotaOptions.MaxMessageBytes"/>.</summary>
    TooLarge,

    /// <summary>Above <see cref="QuotaOptions.MessagesPerSecond"/> once <see cref="QuotaOptions.Burst"/> is spent.</summary>
    TooFast,
}
