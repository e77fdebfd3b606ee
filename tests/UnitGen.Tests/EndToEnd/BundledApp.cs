using UnitGen.Tests.Support;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// A Rack app folder as a deployed app has it: config.ru, a Gemfile, and a Gemfile.lock that
/// `bundle lock --local` resolves offline to the Debian 12 system gems (puma 5.6.5, unicorn 6.0.0,
/// rack, sd_notify). UnitGen's default command, `bundle exec puma|unicorn`, runs the server it locks.
/// </summary>
public static class BundledApp
{
    /// <summary>
    /// The app answers 200 with <c>ok</c>, and says whether YJIT runs (<c>yjit=true</c>). <c>GET /write/FOLDER</c> writes a
    /// file into DIR/FOLDER and answers <c>wrote FOLDER</c>, or the error, e.g. <c>Errno::EROFS: Read-only file system</c>.
    /// </summary>
    private const string ConfigRu = """
        run ->(env) {
          folder = env["PATH_INFO"][%r{\A/write/(\w+)\z}, 1]
          body = if folder
            begin
              File.write(File.join(Dir.pwd, folder, "probe-#{Process.pid}"), "written")
              "wrote #{folder}"
            rescue SystemCallError => e
              "#{e.class}: #{e.message}"
            end
          else
            "ok yjit=#{defined?(RubyVM::YJIT) && RubyVM::YJIT.enabled?}"
          end
          [200, { "content-type" => "text/plain" }, [body]]
        }

        """;

    private const string Gemfile = "source \"https://rubygems.org\"\ngem \"puma\"\ngem \"unicorn\"\ngem \"rack\"\ngem \"sd_notify\"\n";

    /// <summary>
    /// Writes the app into <paramref name="folder"/>; with <paramref name="binstubs"/> also bin/puma and
    /// bin/unicorn (`bundle binstubs`); <paramref name="extraGems"/> join the Gemfile (e.g. sidekiq, redis).
    /// </summary>
    public static void Write(string folder, bool binstubs = false, params string[] extraGems)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "config.ru"), ConfigRu);
        File.WriteAllText(Path.Combine(folder, "Gemfile"), Gemfile + string.Concat(extraGems.Select(g => $"gem \"{g}\"\n")));
        var bundle = ExternalTool.Require("bundle");
        var lockfile = ExternalTool.Run(bundle, ["lock", "--local"], folder);
        Assert.True(lockfile.ExitCode == 0, "bundle lock --local: " + lockfile.Output);
        if (binstubs)
        {
            var stubs = ExternalTool.Run(bundle, ["binstubs", "puma", "unicorn", "--path", "bin"], folder);
            Assert.True(stubs.ExitCode == 0, "bundle binstubs: " + stubs.Output);
        }
    }
}
