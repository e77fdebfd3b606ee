using System.Globalization;
using System.Text;
using UnitGen.Formats.Ruby;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Properties;

/// <summary>
/// Loads many puma.rb/unicorn.rb files in ONE real <c>ruby</c> process, each evaluated on a recorder
/// object whose <c>method_missing</c> records every DSL call and its arguments; blocks
/// (<c>before_fork do … end</c>) are recorded, never called. Backticks, <c>system</c>, <c>exec</c>,
/// <c>spawn</c>, <c>fork</c>, <c>open</c>, <c>eval</c>, <c>IO.popen</c> and <c>Process.spawn</c> raise, so
/// a value that escaped its string literal and ran would be reported, not executed.
/// </summary>
public static class RubyConfigJudge
{
    private const string Recorder = """
        require "json"
        class UnitgenRecorder
          attr_reader :calls
          def initialize; @calls = []; end
          def method_missing(name, *args, &block)
            @calls << [name.to_s, args.map { |a| UnitgenRecorder.encode(a) }]
            nil
          end
          def respond_to_missing?(*) = true
          def self.encode(a)
            case a
            when String then "s:" + a.b.unpack1("H*")
            when Integer then "i:#{a}"
            when true, false then "b:#{a}"
            else "o:" + a.inspect
            end
          end
        end
        %i[` system exec spawn fork open eval load require require_relative].each do |m|
          Kernel.define_method(m) { |*| raise SecurityError, "executed #{m}" }
          Object.send(:private, m)
        end
        IO.define_singleton_method(:popen) { |*| raise SecurityError, "executed IO.popen" }
        Process.define_singleton_method(:spawn) { |*| raise SecurityError, "executed Process.spawn" }
        File.readlines(ARGV[0], chomp: true).each_with_index do |path, i|
          text = File.read(path, encoding: "UTF-8")
          r = UnitgenRecorder.new
          begin
            r.instance_eval(text, path)
            STDOUT.puts JSON.generate([i, "ok", r.calls])
          rescue Exception => e
            STDOUT.puts JSON.generate([i, "error", "#{e.class}: #{e.message}".b.unpack1("H*")])
          end
        end

        """;

    /// <summary>Each file's calls as real Ruby made them: method and encoded arguments, or the error.</summary>
    public static List<(bool Ok, List<(string Method, string[] Args)> Calls, string Error)> Load(string folder, IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = Path.Combine(folder, "ruby-files.txt");
        File.WriteAllLines(list, files);
        var script = Path.Combine(folder, "recorder.rb");
        File.WriteAllText(script, Recorder);
        var run = ExternalTool.Run("ruby", [script, list], timeout: TimeSpan.FromMinutes(5));
        Assert.True(run.ExitCode == 0, run.Output);
        var results = new List<(bool, List<(string, string[])>, string)>();
        foreach (var line in run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            var row = doc.RootElement;
            if (row[1].GetString() == "ok")
            {
                results.Add((true, [.. row[2].EnumerateArray().Select(c => (c[0].GetString()!, c[1].EnumerateArray().Select(a => a.GetString()!).ToArray()))], string.Empty));
            }
            else
            {
                results.Add((false, [], Encoding.UTF8.GetString(Convert.FromHexString(row[2].GetString()!))));
            }
        }

        Assert.Equal(files.Count, results.Count);
        return results;
    }

    /// <summary>What UnitGen's static reader sees in the same file, encoded like the recorder does.</summary>
    public static List<(string Method, string[] Args)> ReadStatically(string text) =>
        [.. RubyConfigReader.Parse(text).Calls.Where(c => !c.Conditional).Select(c => (c.Method, c.Arguments.Select(Encode).ToArray()))];

    private static string Encode(RubyValue value) => value switch
    {
        RubyString s => "s:" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(s.Value)),
        RubyInteger i => "i:" + i.Value.ToString(CultureInfo.InvariantCulture),
        RubyBoolean b => b.Value ? "b:true" : "b:false",
        _ => "o:" + value,
    };
}
