using System.Globalization;

namespace GzAiEdge.FleetSimulation.Devices;

/// <summary>
/// The chain head of every simulated device (<c>chains.tsv</c> in the state folder: site, device, seq,
/// hash), written after each window, so that the next run of the fleet continues each device's seq and
/// chain instead of starting again at 1 (which the verifier would rightly call a replay).
/// </summary>
public sealed class ChainStore(string stateFolder)
{
    public const string FileName = "chains.tsv";

    private readonly string _path = Path.Combine(stateFolder, FileName);

    public Dictionary<(string Site, string Device), ChainHead> Load()
    {
        var heads = new Dictionary<(string, string), ChainHead>();
        if (!File.Exists(_path))
        {
            return heads;
        }

        var line = 0;
        foreach (var text in File.ReadLines(_path))
        {
            line++;
            if (text.Split('\t') is not [var site, var device, var seqText, var hash]
                || !long.TryParse(seqText, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
                || !Contracts.Signing.ChainHash.IsWellFormed(hash))
            {
                throw new InvalidDataException($"{_path}:{line}: expected 'site<TAB>device<TAB>seq<TAB>hash'; delete the file to start every chain again");
            }

            heads[(site, device)] = new ChainHead(seq, hash);
        }

        return heads;
    }

    public void Save(IEnumerable<ReportChain> chains)
    {
        var temp = _path + ".tmp";
        using (var file = new StreamWriter(temp))
        {
            foreach (var chain in chains)
            {
                file.Write(string.Create(CultureInfo.InvariantCulture, $"{chain.Site}\t{chain.Device}\t{chain.Head.Seq}\t{chain.Head.Hash}\n"));
            }
        }

        File.Move(temp, _path, overwrite: true);
    }
}
