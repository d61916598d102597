namespace GzAiEdge.Scenarios.Catalogue;

/// <summary>The programme's sectors; the lowercase name is the InfluxDB <c>sector</c> tag.</summary>
public enum Sector
{
    /// <summary>智慧交通.</summary>
    Traffic,

    /// <summary>智能制造.</summary>
    Manufacturing,

    /// <summary>智慧医疗.</summary>
    Medical,

    /// <summary>智慧城市.</summary>
    City,

    /// <summary>能源环保: energy and environment (last, so that the values of the others stay as they were).</summary>
    Energy,
}
