using GzAiEdge.Cli.Provisioning;
using GzAiEdge.Testing;

namespace GzAiEdge.Cli.Tests.DeviceConfigs;

/// <summary>
/// A staged device file system, as firmware-configs/systemd/install.sh lays it out: the CA and signing key `gz provision`
/// made in /etc/gzaiedge (and the programme's and the cloud's public command key), the models in /opt/gzaiedge/models, and (for the Jetson profiles) an arm64 ONNX Runtime where
/// a JetPack build is installed.
/// </summary>
internal sealed class DeviceTree : IDisposable
{
    private readonly TempFolder _folder = new("gz-root");

    public DeviceTree()
    {
        var pki = _folder.File("pki");
        SiteProvisioner.Run(new ProvisionRequest("tianhe-01", ["cam-01"], pki, 1, ["127.0.0.1"], ClientCertificates: false));
        var etc = Directory.CreateDirectory(Path.Combine(Root, "etc", "gzaiedge")).FullName;
        File.Copy(Path.Combine(pki, "ca.crt"), Path.Combine(etc, "ca.crt"));
        File.Copy(Path.Combine(pki, "devices", "cam-01", "signing-key.pem"), Path.Combine(etc, "signing-key.pem"));
        File.Copy(Path.Combine(pki, "devices", "cam-01", "programme-key.pub.pem"), Path.Combine(etc, "programme-key.pub.pem"));
        File.Copy(Path.Combine(pki, "devices", "cam-01", "command-key.pub.pem"), Path.Combine(etc, "command-key.pub.pem"));
        Directory.CreateDirectory(Path.Combine(Root, "opt", "gzaiedge"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "opt", "gzaiedge", "models"), RepoPaths.Combine("models"));
        var lib = Directory.CreateDirectory(Path.Combine(Root, "usr", "local", "lib")).FullName;
        File.CreateSymbolicLink(Path.Combine(lib, "libonnxruntime.so.1"), OnnxRuntimeLibraries.For("linux-arm64"));
    }

    public string Root => _folder.File("root");

    public string Etc(string name) => Path.Combine(Root, "etc", "gzaiedge", name);

    public void Dispose() => _folder.Dispose();
}
