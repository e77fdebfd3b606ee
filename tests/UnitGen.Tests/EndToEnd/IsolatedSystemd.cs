using System.Diagnostics;
using UnitGen.Tests.Cli;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// A real systemd 252 as PID 1 of a new pid+mount namespace, booted to an empty target.
///
/// DANGER: systemd's boot runs tmpfiles cleanup that wipes /tmp of the WHOLE machine unless the
/// namespace first has private tmpfs on /tmp, /run and /var/tmp. The boot script mounts them with
/// `set -e` BEFORE exec'ing systemd, so a failed mount stops the boot. Teardown is SIGKILL of the
/// namespace's PID 1 — the one this object started, never another. Files the units need must live
/// outside /tmp (see <see cref="WorkFolder"/>).
/// </summary>
public sealed class IsolatedSystemd : IDisposable
{
    private const string Target = "unitgen-e2e.target";

    private const string PrivateMounts = """
        mount -t tmpfs tmpfs /tmp
        mount -t tmpfs tmpfs /run
        mount -t tmpfs tmpfs /var/tmp
        # Keep the isolated journal off the host's persistent /var/log/journal.
        if [ -d /var/log/journal ]; then mount -t tmpfs tmpfs /var/log/journal; fi
        """;

    /// <summary>
    /// A "host" (see <see cref="IsolatedSystemd(bool)"/>): the system folders a deploy writes to become
    /// copy-on-write overlays whose writes land in the namespace's private /run, so an installer that
    /// writes /etc/systemd/system or /etc/sudoers.d changes nothing on this machine; /var/www is the
    /// folder <c>www</c> of <see cref="WorkFolder"/>. Overlaying /var hides the tmpfs mounts under it,
    /// so those two are mounted again.
    /// </summary>
    private static readonly string HostMounts = $$"""
        for d in etc var usr root home opt; do
          mkdir -p /run/unitgen-host/$d/upper /run/unitgen-host/$d/work
          mount -t overlay overlay -o lowerdir=/$d,upperdir=/run/unitgen-host/$d/upper,workdir=/run/unitgen-host/$d/work /$d
        done
        mount -t tmpfs tmpfs /var/tmp
        if [ -d /var/log/journal ]; then mount -t tmpfs tmpfs /var/log/journal; fi
        mkdir -p /var/www
        mount --bind "$UNITGEN_WWW" /var/www
        """;

    private static readonly string BootScript = $$"""
        set -e
        {{PrivateMounts}}
        if [ -n "${UNITGEN_WWW:-}" ]; then
        {{HostMounts}}
        fi
        unset UNITGEN_WWW
        mkdir -p /run/systemd/system
        printf '[Unit]\nDescription=UnitGen end-to-end tests\nDefaultDependencies=no\n' > /run/systemd/system/{{Target}}
        exec /lib/systemd/systemd --system --unit={{Target}} --log-target=journal
        """;

    private readonly Process unshare;

    /// <summary>Folders of the namespace that show the staging tree (bind mounts), deepest last.</summary>
    private readonly List<string> shown = [];
    private bool disposed;

    public IsolatedSystemd()
        : this(host: false)
    {
    }

    /// <summary>
    /// With <paramref name="host"/>, the namespace is one machine of a multi-host deploy: its own
    /// /var/www (<see cref="WwwFolder"/>, seen from outside too) and private copy-on-write /etc,
    /// /var, /usr, /root, /home and /opt.
    /// </summary>
    public IsolatedSystemd(bool host)
    {
        ExternalTool.Require("unshare");
        ExternalTool.Require("nsenter");
        WorkFolder = Path.Combine("/srv", "unitgen-e2e-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(WorkFolder);
        var psi = InheritedDescriptors.Closed("unshare", ["--fork", "--pid", "--mount", "--mount-proc", "--propagation", "private", "sh", "-c", BootScript]);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        if (host)
        {
            WwwFolder = Path.Combine(WorkFolder, "www");
            Directory.CreateDirectory(WwwFolder);
            psi.Environment["UNITGEN_WWW"] = WwwFolder;
        }
        else
        {
            psi.Environment.Remove("UNITGEN_WWW");
        }

        unshare = Process.Start(psi)!;
        unshare.BeginOutputReadLine();
        unshare.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        try
        {
            Pid = FindPid1();
            WaitUntilRunning();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>PID (in our namespace) of the isolated systemd.</summary>
    public int Pid { get; }

    /// <summary>A folder outside /tmp that the units can read and that is removed on dispose.</summary>
    public string WorkFolder { get; }

    /// <summary>What the namespace sees as /var/www (only for a host); null otherwise.</summary>
    public string? WwwFolder { get; }

    /// <summary>Runs a command inside the namespace (as root there).</summary>
    public ExternalTool.Result Run(params string[] command) =>
        ExternalTool.Run("nsenter", ["-t", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "-m", "-p", .. command], timeout: TimeSpan.FromSeconds(90));

    public ExternalTool.Result Systemctl(params string[] args) => Run(["systemctl", .. args]);

    /// <summary>
    /// The staging tree <c>unitgen install --root</c> writes (<see cref="InstallModel"/>): what a real host's / gets from
    /// install, and nothing else. Inside <see cref="WorkFolder"/>, so it goes with it.
    /// </summary>
    public string StagingRoot => Path.Combine(WorkFolder, "root");

    /// <summary>
    /// Deploys a model as on a real host: <c>unitgen install MODEL --root <see cref="StagingRoot"/></c>, then the tree shown
    /// at its real paths in this namespace (<see cref="ShowStaged"/>), then the commands install prints for the host
    /// (<c>systemctl daemon-reload</c>, <c>systemctl enable ...</c>), run here. Starting the units is the caller's.
    /// </summary>
    public StagedInstall InstallModel(string modelFile)
    {
        var install = CliRun.Of("install", modelFile, "--root", StagingRoot);
        Assert.True(install.ExitCode == 0, $"unitgen install {modelFile} --root {StagingRoot}:\n{install.Stdout}{install.Stderr}");
        var staged = StagedInstall.Parse(StagingRoot, install.Stdout);
        ShowStaged(staged.Files);
        foreach (var command in staged.HostCommands)
        {
            var run = Run(command.Split(' '));
            Assert.True(run.ExitCode == 0, $"`{command}` (printed by unitgen install) failed: {run.Output}");
        }

        return staged;
    }

    /// <summary>
    /// Makes this namespace see the staged files at the paths they were installed for, by bind mounts that only this
    /// mount namespace has (the host keeps its own /etc). A folder mounted once shows every file staged into it later.
    /// A file inside <see cref="WorkFolder"/> gets its own folder mounted (created as an empty mount point; a folder
    /// that already holds files, e.g. the app's, is refused: the mount would hide them). Anywhere else the nearest
    /// existing folder is mounted, at least two levels deep (<c>/etc/systemd/system</c>, <c>/etc/default</c>,
    /// <c>/etc/sv</c>; never <c>/etc</c>): its host files are hidden in the namespace, which then sees only staged ones.
    /// </summary>
    /// <param name="installedPaths">Absolute paths as on the real host (not under <see cref="StagingRoot"/>).</param>
    public void ShowStaged(IEnumerable<string> installedPaths)
    {
        foreach (var folder in installedPaths.Select(p => Path.GetDirectoryName(p)!).Distinct().Order(StringComparer.Ordinal))
        {
            if (shown.Any(m => Within(folder, m)))
            {
                continue;
            }

            var target = MountPoint(folder);
            var mount = Run("mount", "--bind", StagingRoot + target, target);
            Assert.True(mount.ExitCode == 0, $"mount --bind {StagingRoot}{target} {target}: {mount.Output}");
            shown.Add(target);
        }
    }

    /// <summary>
    /// Starts a long-running program inside the namespace (e.g. <c>runsv /etc/sv/NAME</c>, as runsvdir would); it dies
    /// with the namespace at the latest. The returned process is nsenter, which waits for the program.
    /// </summary>
    public Process Start(params string[] command)
    {
        var psi = new ProcessStartInfo("nsenter", ["-t", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "-m", "-p", .. command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(psi)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Installs unit files into the namespace's private /run/systemd/system and reloads.</summary>
    public void Install(IEnumerable<string> unitFiles)
    {
        foreach (var file in unitFiles)
        {
            var copy = Run("cp", file, "/run/systemd/system/");
            Assert.True(copy.ExitCode == 0, copy.Output);
        }

        var reload = Systemctl("daemon-reload");
        Assert.True(reload.ExitCode == 0, reload.Output);
    }

    public string Property(string unit, string property) => Systemctl("show", "-p", property, "--value", unit).Stdout.Trim();

    /// <summary>
    /// The unit's log: its own output and, because systemd logs to its journal
    /// (<c>--log-target=journal</c>; PID 1's console would be the host's /dev/console), what systemd
    /// said about it, e.g. "Watchdog timeout".
    /// </summary>
    public string Journal(string unit) => Run("journalctl", "-u", unit, "--no-pager", "-o", "cat").Stdout;

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Kill();
        if (Directory.Exists(WorkFolder))
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Kill();

    private static bool Within(string path, string folder) => path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal);

    private string MountPoint(string folder)
    {
        if (Within(folder, WorkFolder))
        {
            Assert.False(Within(folder, StagingRoot), $"{folder} is in the staging tree itself");
            Directory.CreateDirectory(folder);
            Assert.True(!Directory.EnumerateFileSystemEntries(folder).Any(), $"{folder} already holds files a mount of the staged folder would hide: give the installed file a folder of its own");
            return folder;
        }

        var existing = folder;
        while (Run("test", "-d", existing).ExitCode != 0)
        {
            existing = Path.GetDirectoryName(existing)!;
        }

        Assert.True(existing.Count(c => c == '/') >= 2, $"{folder}: the nearest existing folder, {existing}, is too high to hide in the namespace");
        return existing;
    }

    /// <summary>SIGKILL of PID 1 ends the whole pid namespace: every process in it dies with it.</summary>
    private void Kill()
    {
        try
        {
            if (Pid > 0 && IsOurSystemd(Pid))
            {
                Process.GetProcessById(Pid).Kill();
            }

            unshare.Kill(entireProcessTree: true);
            unshare.WaitForExit(5000);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private int FindPid1()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            // Only /proc/PID/task/TID/children: a recursive walk would follow cwd/root links into the whole disk.
            var children = Directory.GetDirectories($"/proc/{unshare.Id}/task")
                .Select(task => Path.Combine(task, "children"))
                .Where(File.Exists)
                .SelectMany(f => File.ReadAllText(f).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(int.Parse);
            foreach (var child in children)
            {
                if (IsOurSystemd(child))
                {
                    return child;
                }
            }

            Assert.False(unshare.HasExited, $"the namespace exited early (code {(unshare.HasExited ? unshare.ExitCode : 0)})");
            Thread.Sleep(50);
        }

        throw new InvalidOperationException("systemd did not start in the namespace");
    }

    /// <summary>Our systemd: runs our target, and lives in another pid namespace than this process.</summary>
    private static bool IsOurSystemd(int pid)
    {
        try
        {
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            var ns = new FileInfo($"/proc/{pid}/ns/pid").LinkTarget;
            var ours = new FileInfo("/proc/self/ns/pid").LinkTarget;
            return cmdline.StartsWith("/lib/systemd/systemd --system", StringComparison.Ordinal)
                && cmdline.Contains(Target, StringComparison.Ordinal) && ns != ours;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private void WaitUntilRunning()
    {
        var clock = Stopwatch.StartNew();
        string state = string.Empty;
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            state = Systemctl("is-system-running").Stdout.Trim();
            if (state is "running" or "degraded")
            {
                return;
            }

            Thread.Sleep(100);
        }

        throw new InvalidOperationException($"the isolated systemd did not come up: {state}");
    }
}
