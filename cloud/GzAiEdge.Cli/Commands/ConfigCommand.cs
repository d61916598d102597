using System.CommandLine;
using GzAiEdge.Cli.DeviceConfigs;

namespace GzAiEdge.Cli.Commands;

/// <summary>
/// <c>gz config validate FILE...</c>: checks device configs as the edge worker does at start, and prints each problem
/// as <c>file:line (Key): what is wrong</c>. Exit code 0 when every file is good, 2 when any is not.
/// </summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Device config files (YAML)", Arity = ArgumentArity.OneOrMore };
        var root = new Option<string?>("--root")
        {
            Description = "Look for the absolute paths a config names (model, keys, CA, ONNX Runtime) under this folder: the tree that will be installed on the device",
        };
        root.Validators.Add(r =>
        {
            if (r.GetValue(root) is { } dir && !Directory.Exists(dir))
            {
                r.AddError($"--root: folder '{dir}' not found");
            }
        });
        var validate = new Command("validate", "Check device configs as the edge worker does at start (profile, every option, keys, CA, model loads and runs)")
        {
            files, root,
        };
        validate.SetAction(r =>
        {
            var rootDir = r.GetValue(root) is { } dir ? Path.GetFullPath(dir) : null;
            var bad = 0;
            var problems = 0;
            foreach (var file in r.GetValue(files)!)
            {
                var result = DeviceConfigCheck.Run(file, rootDir);
                if (result.Problems.Count == 0)
                {
                    Console.WriteLine($"ok {file}{(result.Checked.Count > 0 ? $" ({string.Join("; ", result.Checked)})" : string.Empty)}");
                    continue;
                }

                bad++;
                problems += result.Problems.Count;
                foreach (var problem in result.Problems)
                {
                    Console.WriteLine(problem);
                }
            }

            var count = r.GetValue(files)!.Length;
            Console.WriteLine($"{count} file{(count == 1 ? string.Empty : "s")} checked{(rootDir is null ? string.Empty : $" against {rootDir}")}: "
                + (bad == 0 ? "all good" : $"{bad} with problems ({problems} problem{(problems == 1 ? string.Empty : "s")})"));
            return bad == 0 ? 0 : 2;
        });
        return new Command("config", "Device configuration") { validate };
    }
}
