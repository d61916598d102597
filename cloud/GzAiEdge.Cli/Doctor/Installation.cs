namespace GzAiEdge.Cli.Doctor;

/// <summary>
/// An installation as firmware-configs/cloud/install.sh laid it out: <c>cloud.env</c>, the broker's <c>gz.conf</c>,
/// InfluxDB's retention file, under <c>/etc/gzaiedge</c>. <paramref name="Root"/> prefixes every absolute path the files
/// name (an installation in a folder, as install.sh --root makes one).
/// </summary>
internal sealed record Installation(string Root, string Etc, IReadOnlyDictionary<string, string> Cloud)
{
    public static Installation Load(string root, string etc)
    {
        var file = Path.Combine(etc, "cloud.env");
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"{file} not found: is the cloud installed here (firmware-configs/cloud/install.sh)? Give --etc and --root otherwise", file);
        }

        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(file))
        {
            if (line.Split('=', 2) is [var key, var value] && !key.StartsWith('#'))
            {
                settings[key.Trim()] = value.Trim();
            }
        }

        return new Installation(root, etc, settings);
    }

    /// <summary>A setting of cloud.env, e.g. <c>InfluxDb__BaseAddress</c>.</summary>
    public string? Setting(string key) => Cloud.GetValueOrDefault(key);

    /// <summary>An absolute path as the service sees it, made a path on this machine.</summary>
    public string Local(string path) => Root.Length == 0 ? path : Path.Join(Root, path);

    /// <summary>Directives of the broker config (<c>key value</c> lines), each key's last value.</summary>
    public IReadOnlyDictionary<string, string> BrokerConfig(string file)
    {
        var directives = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            directives[parts[0]] = parts.Length > 1 ? parts[1] : string.Empty;
        }

        return directives;
    }
}
