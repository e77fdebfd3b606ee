using System.Diagnostics;
using System.Globalization;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// An app as a Capistrano user has it: a git work tree with the Capfile, config/deploy.rb and a
/// stage <c>e2e</c> naming the hosts, pushed to a local bare repository that every host clones by
/// its file:// path (Capistrano 3.17.2 has no <c>capistrano/scm/none</c>; the hosts see the
/// same /srv as this machine). SSH goes with a key made for this run (<c>ssh-keygen</c>) and a
/// known_hosts file holding exactly the hosts' own keys, checked on every connection.
/// </summary>
public sealed class CapistranoProject : IDisposable
{
    public const string Stage = "e2e";
    public const string DeployTo = "/var/www/app";

    private static readonly Dictionary<string, string?> GitIdentity = new()
    {
        ["GIT_AUTHOR_NAME"] = "e2e",
        ["GIT_AUTHOR_EMAIL"] = "e2e@localhost",
        ["GIT_COMMITTER_NAME"] = "e2e",
        ["GIT_COMMITTER_EMAIL"] = "e2e@localhost",
    };

    public CapistranoProject()
    {
        Root = Path.Combine("/srv", "unitgen-cap-" + Guid.NewGuid().ToString("N")[..10]);
        Folder = Path.Combine(Root, "app");
        BareRepository = Path.Combine(Root, "app.git");
        Directory.CreateDirectory(Folder);
        KeyFile = Path.Combine(Root, "deploy_key");
        var keygen = ExternalTool.Run("ssh-keygen", ["-q", "-t", "ed25519", "-N", string.Empty, "-C", "unitgen-e2e-deploy", "-f", KeyFile]);
        Assert.True(keygen.ExitCode == 0, "ssh-keygen: " + keygen.Output);
        ExternalTool.Require("cap");
        Git("init", "-q", "-b", "main");
        Assert.Equal(0, ExternalTool.Run("git", ["init", "-q", "--bare", "-b", "main", BareRepository]).ExitCode);
        Git("remote", "add", "origin", BareRepository);
    }

    /// <summary>Holds the project, its bare repository, key and known_hosts; removed on dispose.</summary>
    public string Root { get; }

    /// <summary>The app's work tree: where <c>cap</c> runs.</summary>
    public string Folder { get; }

    public string BareRepository { get; }

    public string KeyFile { get; }

    public string PublicKeyFile => KeyFile + ".pub";

    /// <summary>Writes the Capfile (with <paramref name="capfileLines"/> after the requires), deploy.rb and the stage.</summary>
    public void Configure(IReadOnlyList<SshHost> hosts, string capfileLines)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var knownHosts = Path.Combine(Root, "known_hosts");
        File.WriteAllLines(knownHosts, hosts.Select(h => h.HostKeyLine));
        Write("Capfile", $"""
            require "capistrano/setup"
            require "capistrano/deploy"
            require "capistrano/scm/git"
            install_plugin Capistrano::SCM::Git
            {capfileLines}

            """);
        // net-ssh 7.0: verify_host_key :always refuses a host whose key is not in known_hosts.
        Write("config/deploy.rb", $$"""
            set :application, "app"
            set :repo_url, "file://{{BareRepository}}"
            set :branch, "main"
            set :deploy_to, "{{DeployTo}}"
            set :keep_releases, 3
            set :ssh_options, {
              keys: ["{{KeyFile}}"], keys_only: true, auth_methods: ["publickey"],
              user_known_hosts_file: "{{knownHosts}}", global_known_hosts_file: "/dev/null",
              verify_host_key: :always, port: {{hosts[0].Port.ToString(CultureInfo.InvariantCulture)}}
            }

            """);
        Write($"config/deploy/{Stage}.rb", string.Concat(hosts.Select(h => $"server \"{h.Address}\", user: \"root\", roles: %w[web app]\n")));
    }

    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Commits the work tree as it is and pushes it: the next `cap deploy` deploys it.</summary>
    public void Release(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "--allow-empty", "-m", message);
        Git("push", "-q", "origin", "main");
    }

    public sealed record CapRun(int ExitCode, string Output, double Seconds);

    /// <summary>Runs <c>cap e2e TASK...</c> in the project (bounded: 4 minutes).</summary>
    public CapRun Cap(params string[] tasks)
    {
        var clock = Stopwatch.StartNew();
        var run = ExternalTool.Run("cap", [Stage, .. tasks], Folder, timeout: TimeSpan.FromMinutes(4));
        return new CapRun(run.ExitCode, run.Output, clock.Elapsed.TotalSeconds);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private void Git(params string[] args)
    {
        var git = ExternalTool.Run("git", args, Folder, GitIdentity);
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {git.Output}");
    }
}
