using UnitGen.Formats.Systemd;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Import;

[Trait(Category.Name, Category.Unit)]
public class SystemdUnitReaderTests
{
    [Fact]
    public void Comments_are_whole_lines_only_so_a_hash_after_a_value_is_part_of_it()
    {
        var unit = SystemdUnitReader.Parse("""
            # a comment
            [Unit]
              ; another comment
            Requires=puma.socket # note

            """, "x.service");

        var entry = Assert.Single(unit.Entries);
        Assert.Equal("puma.socket # note", entry.Value);
        Assert.Equal((4, 1, 10), (entry.Line, entry.KeyColumn, entry.ValueColumn));
    }

    [Fact]
    public void A_trailing_backslash_joins_the_next_line_with_a_space()
    {
        var unit = SystemdUnitReader.Parse("[Service]\nExecStart=/usr/bin/puma \\\n  -C /srv/puma.rb\n", "x.service");

        Assert.Equal("/usr/bin/puma  -C /srv/puma.rb", Assert.Single(unit.Entries).Value);
    }

    [Fact]
    public void Only_systemd_blanks_are_stripped_so_unicode_spaces_stay_in_the_value()
    {
        var unit = SystemdUnitReader.Parse("[Unit]\nDescription= \u3000App\u00a0\t\n", "x.service");

        Assert.Equal("\u3000App\u00a0", Assert.Single(unit.Entries).Value);
    }

    [Fact]
    public void An_empty_assignment_resets_a_list()
    {
        var unit = SystemdUnitReader.Parse("[Socket]\nListenStream=1\nListenStream=\nListenStream=2\nListenStream=3\n", "x.socket");

        Assert.Equal(["2", "3"], unit.All("Socket", "ListenStream").Select(e => e.Value));
        Assert.Equal("3", unit.Last("Socket", "ListenStream")!.Value);
    }

    [Fact]
    public void Percent_percent_reads_as_one_percent()
    {
        var unit = SystemdUnitReader.Parse("[Unit]\nDescription=100%% sure\n", "x.service");

        Assert.Equal("100% sure", Assert.Single(unit.Entries).Value);
    }

    [Fact]
    public void Lines_systemd_ignores_are_reported()
    {
        var unit = SystemdUnitReader.Parse("Description=outside\n[Unit]\njust words\n[Broken\n", "x.service");

        Assert.Equal([1, 3, 4], unit.Issues.Select(i => i.Line));
    }

    [Theory]
    [InlineData("/usr/bin/puma -C /srv/puma.rb", new[] { "/usr/bin/puma", "-C", "/srv/puma.rb" })]
    [InlineData("/bin/echo \"a b\" 'c d' e\\sf", new[] { "/bin/echo", "a b", "c d", "e f" })]
    [InlineData("/bin/echo \"say \\\"hi\\\"\" \\x41\\101", new[] { "/bin/echo", "say \"hi\"", "AA" })]
    [InlineData("/bin/echo $$HOME 100%%", new[] { "/bin/echo", "$HOME", "100%" })]
    [InlineData("-/bin/true", new[] { "/bin/true" })]
    public void Exec_lines_unquote_like_systemd(string value, string[] words)
    {
        var line = ExecCommandLine.Parse(value, out var error);

        Assert.Null(error);
        Assert.Equal(words, line!.Words.AsEnumerable());
    }

    [Fact]
    public void Exec_lines_mark_words_with_variables()
    {
        var line = ExecCommandLine.Parse("/bin/kill -USR2 $MAINPID", out _)!;

        Assert.Equal([false, false, true], line.WordHasVariable.AsEnumerable());
    }

    [Theory]
    [InlineData("/bin/echo \"open")]
    [InlineData("/bin/echo \"a\"b")]
    [InlineData("/bin/echo \\q")]
    [InlineData("")]
    public void Exec_lines_systemd_refuses_are_refused(string value)
    {
        Assert.Null(ExecCommandLine.Parse(value, out var error));
        Assert.NotNull(error);
    }
}
