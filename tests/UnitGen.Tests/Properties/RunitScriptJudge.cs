using System.Text;
using UnitGen.Emitters;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Properties;

/// <summary>
/// Runs many generated runit scripts under one real <c>sh</c> (dash) process chain: each script is
/// sourced in its own folder and ends in <c>exec chpst …</c>, where <c>chpst</c> is a stub that records
/// its argv NUL-separated and then sources the next script — one exec per script, no fork, so a
/// thousand cases take about a second. <c>cd</c>, <c>mkdir</c> and <c>chown</c> are recording shell
/// functions (nothing is created). Env folders go through the real <c>/usr/bin/chpst -e</c>, which
/// execs the stub to record the variable it set.
/// </summary>
public sealed class RunitScriptJudge
{
    /// <summary>The stub: `chpst` on PATH, and the driver of the chain.</summary>
    private const string Stub = """
        #!/bin/sh
        ug_rec() { printf '%s\0' "$UG_N" "$#" "$@"; }
        ug_next() {
          UG_N=$((UG_N + 1))
          export UG_N
          [ -e "$UG_ROOT/$UG_N.kind" ] || exit 0
          read -r ug_kind < "$UG_ROOT/$UG_N.kind"
          command cd -P "$UG_ROOT/$UG_N" || exit 3
          case $ug_kind in
            env)
              read -r ug_var < "$UG_ROOT/$UG_N.var"
              exec /usr/bin/chpst -e ./env "$UG_STUB" --env "$ug_var" ;;
            log) . ./run ;;
            *) . "./$ug_kind" ;;
          esac
          ug_rec fell-through "$ug_kind"
          ug_next
        }
        cd() { ug_rec cd "$@"; }
        chown() { ug_rec chown "$@"; }
        mkdir() {
          ug_rec mkdir "$@"
          if [ -n "${pidfile+set}" ]; then
            ug_rec pidfile "$pidfile"
            ug_next
          fi
        }
        if [ "${1-}" = --env ]; then
          eval "ug_set=\${$2+set} ug_value=\${$2-}"
          ug_rec env "$ug_set" "$ug_value"
          ug_next
        fi
        if [ -n "${UG_N-}" ]; then
          ug_rec chpst "$@"
        else
          UG_N=0
        fi
        ug_next

        """;

    private readonly string root;
    private readonly List<(HostileCase Case, string Kind, string Folder)> entries = [];

    public RunitScriptJudge(string root)
    {
        this.root = root;
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        File.WriteAllText(Path.Combine(root, "bin", "chpst"), Stub);
        File.SetUnixFileMode(Path.Combine(root, "bin", "chpst"), EmittedFile.Executable);
    }

    public int Count => entries.Count;

    /// <summary>Queues the scripts of an accepted case whose runit folder is written under <paramref name="serviceFolder"/>.</summary>
    public void Add(HostileCase hostile, string serviceFolder, RunitScripts scripts)
    {
        ArgumentNullException.ThrowIfNull(hostile);
        if (scripts.HasFlag(RunitScripts.Run))
        {
            Add(hostile, "run", serviceFolder);
        }

        if (scripts.HasFlag(RunitScripts.Log))
        {
            Add(hostile, "log", Path.Combine(serviceFolder, "log"));
        }

        if (scripts.HasFlag(RunitScripts.Follow) && File.Exists(Path.Combine(serviceFolder, "unicorn-follow")))
        {
            Add(hostile, "unicorn-follow", serviceFolder);
        }

        if (scripts.HasFlag(RunitScripts.Env) && Directory.Exists(Path.Combine(serviceFolder, "env")))
        {
            var variable = hostile.Emitted!.Model.Environment.Single().Name;
            Add(hostile, "env", serviceFolder);
            File.WriteAllText(Path.Combine(root, $"{entries.Count}.var"), variable + "\n");
        }
    }

    /// <summary>Runs the chain; returns every entry's records (name, argv), in entry order.</summary>
    public List<(HostileCase Case, string Kind, string Folder, List<string[]> Records)> Run()
    {
        var stub = Path.Combine(root, "bin", "chpst");
        var run = ExternalTool.Run("sh", [stub], workingDirectory: root, timeout: TimeSpan.FromMinutes(5),
            environment: new Dictionary<string, string?>
            {
                ["PATH"] = Path.Combine(root, "bin") + ":/usr/bin:/bin",
                ["UG_ROOT"] = root,
                ["UG_STUB"] = stub,
                ["UG_N"] = null,
            });
        // The scripts send stderr to stdout (`exec 2>&1`): the end of stdout says why a chain stopped.
        Assert.True(run.ExitCode == 0, $"sh chain exited {run.ExitCode}: {HostileStrings.Show(run.Stderr)} {HostileStrings.Show(run.Stdout[Math.Max(0, run.Stdout.Length - 300)..])}");
        var records = entries.Select(_ => new List<string[]>()).ToList();
        var tokens = run.Stdout.Split('\0');
        for (var i = 0; i + 1 < tokens.Length;)
        {
            var n = int.Parse(tokens[i], System.Globalization.CultureInfo.InvariantCulture);
            var count = int.Parse(tokens[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            records[n - 1].Add(tokens[(i + 2)..(i + 2 + count)]);
            i += 2 + count;
        }

        return [.. entries.Select((e, i) => (e.Case, e.Kind, e.Folder, records[i]))];
    }

    private void Add(HostileCase hostile, string kind, string folder)
    {
        entries.Add((hostile, kind, folder));
        var n = entries.Count;
        File.CreateSymbolicLink(Path.Combine(root, n.ToString(System.Globalization.CultureInfo.InvariantCulture)), folder);
        File.WriteAllText(Path.Combine(root, $"{n}.kind"), kind + "\n", Encoding.ASCII);
    }
}
