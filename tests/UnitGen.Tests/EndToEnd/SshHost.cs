using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// One machine of a multi-host deploy, on this machine: an <see cref="IsolatedSystemd"/> host
/// namespace (its own /var/www, private copy-on-write /etc /var /usr) running its own Debian sshd on
/// 127.0.1.<c>index</c>. The sshd has its own host key and config, made for this run: it listens on
/// that one address, takes only the public key it is given (for root), and no password.
/// All hosts share the network namespace, so each host's app listens on a unix socket under its
/// own /var/www; <see cref="OutsidePath"/> is where this machine sees it.
/// </summary>
public sealed class SshHost : IDisposable
{
    private const string SshdUnit = "unitgen-e2e-sshd.service";

    public SshHost(int index, int port, string authorizedKeyFile)
    {
        Address = $"127.0.1.{index.ToString(CultureInfo.InvariantCulture)}";
        Port = port;
        Systemd = new IsolatedSystemd(host: true);
        try
        {
            var ssh = Path.Combine(Systemd.WorkFolder, "ssh");
            Directory.CreateDirectory(ssh);
            var hostKey = Path.Combine(ssh, "host_ed25519_key");
            var keygen = ExternalTool.Run("ssh-keygen", ["-q", "-t", "ed25519", "-N", string.Empty, "-C", Address, "-f", hostKey]);
            Assert.True(keygen.ExitCode == 0, "ssh-keygen: " + keygen.Output);
            var authorized = Path.Combine(ssh, "authorized_keys");
            File.Copy(authorizedKeyFile, authorized);
            var config = Path.Combine(ssh, "sshd_config");
            // sshd_config(5), OpenSSH 9.2: AuthorizedKeysFile may be absolute; UsePAM no keeps the
            // machine's PAM stack out; PidFile none because /run is the namespace's own anyway.
            File.WriteAllText(config, $"""
                ListenAddress {Address}:{port.ToString(CultureInfo.InvariantCulture)}
                HostKey {hostKey}
                PidFile none
                AuthorizedKeysFile {authorized}
                PubkeyAuthentication yes
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PermitRootLogin prohibit-password
                AllowUsers root
                UsePAM no
                UseDNS no
                PrintMotd no
                MaxSessions 50
                MaxStartups 50
                Subsystem sftp internal-sftp

                """);
            HostKeyLine = $"[{Address}]:{port.ToString(CultureInfo.InvariantCulture)} " + string.Join(' ', File.ReadAllText(hostKey + ".pub").Split(' ').Take(2));
            var sshd = ExternalTool.Require("/usr/sbin/sshd");
            // sshd re-execs itself by absolute path and needs its privilege-separation folder /run/sshd.
            var start = Systemd.Run("systemd-run", $"--unit={SshdUnit}", "-p", "RuntimeDirectory=sshd", "-p", "RuntimeDirectoryMode=0755", sshd, "-D", "-e", "-f", config);
            Assert.True(start.ExitCode == 0, "systemd-run sshd: " + start.Output);
            WaitForListener();
        }
        catch
        {
            Systemd.Dispose();
            throw;
        }
    }

    public IsolatedSystemd Systemd { get; }

    public string Address { get; }

    public int Port { get; }

    /// <summary>This host's line for a known_hosts file: <c>[address]:port type key</c>.</summary>
    public string HostKeyLine { get; }

    /// <summary>Where this machine sees a path under the host's /var/www.</summary>
    public string OutsidePath(string varWwwPath)
    {
        ArgumentNullException.ThrowIfNull(varWwwPath);
        Assert.StartsWith("/var/www/", varWwwPath, StringComparison.Ordinal);
        return Path.Combine(Systemd.WwwFolder!, varWwwPath["/var/www/".Length..]);
    }

    public string SshdLog() => Systemd.Journal(SshdUnit);

    public void Dispose() => Systemd.Dispose();

    private void WaitForListener()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(Address, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        Assert.Fail($"sshd did not listen on {Address}:{Port}:\n{SshdLog()}");
    }
}
