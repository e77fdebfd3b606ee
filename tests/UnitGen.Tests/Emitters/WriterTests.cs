using UnitGen.Formats.EnvironmentFiles;
using UnitGen.Formats.Ruby;
using UnitGen.Formats.Shell;
using UnitGen.Formats.Systemd;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Emitters;

[Trait(Category.Name, Category.Unit)]
public class WriterTests
{
    public static TheoryData<string> Hostile =>
    [
        "plain", "with space", "100%", "%n%h", "$HOME", "${X}", "$$", "back\\slash", "quote\"d", "single'q",
        "#{system('id')}", "# not a comment", ";", "-leading", "@at", "ünïcødé ✓", "`id`", "trailing\\",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Exec_words_read_back_exactly_through_systemd_unquoting(string value)
    {
        var unit = new SystemdUnitWriter("t");
        unit.Section("Service");
        unit.Command("ExecStart", ["/bin/echo", value]);

        var entry = Assert.Single(SystemdUnitReader.Parse(unit.ToString(), "t.service").Entries);
        var line = ExecCommandLine.Parse(entry.RawValue, out var error);

        Assert.Null(error);
        Assert.Equal(["/bin/echo", value], line!.Words.AsEnumerable());
        Assert.Equal([false, false], line.WordHasVariable.AsEnumerable());
    }

    [Fact]
    public void A_path_list_word_with_blanks_or_quotes_stays_one_word()
    {
        var unit = new SystemdUnitWriter("t");
        unit.Section("Service");
        unit.Words("ReadWritePaths", "-/srv/my app/tmp", "/a\"b\\c", "/100%");

        Assert.EndsWith("ReadWritePaths=\"-/srv/my app/tmp\" \"/a\\\"b\\\\c\" /100%%\n", unit.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_an_intended_variable_reaches_systemd_as_a_variable()
    {
        var unit = new SystemdUnitWriter("t");
        unit.Command("ExecReload", ["/bin/kill", "-USR2", ExecWord.Variable("MAINPID")]);

        Assert.EndsWith("ExecReload=/bin/kill -USR2 $MAINPID\n", unit.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-/usr/bin/puma")]
    [InlineData("@/usr/bin/puma")]
    [InlineData(":/usr/bin/puma")]
    [InlineData("+/usr/bin/puma")]
    [InlineData("!/usr/bin/puma")]
    [InlineData("/opt/$ruby/bin/puma")]
    [InlineData("/opt/q\"/puma")]
    [InlineData("/opt/q'/puma")]
    [InlineData("/opt/back\\slash/puma")]
    [InlineData("")]
    public void A_program_systemd_would_misread_is_refused_never_written(string program)
    {
        // systemd 252 config_parse_exec: prefixes are read after unquoting, the path is never
        // variable-expanded, and string_is_safe() refuses quotes and backslashes.
        var unit = new SystemdUnitWriter("t");

        Assert.Throws<ArgumentException>(() => unit.Command("ExecStart", [program, "arg"]));
        Assert.DoesNotContain("ExecStart", unit.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_cannot_be_the_program()
    {
        Assert.Throws<ArgumentException>(() => new SystemdUnitWriter("t").Command("ExecStart", [ExecWord.Variable("MAINPID")]));
    }

    [Theory]
    [InlineData("/opt/my app/bin/puma")]
    [InlineData("/opt/100%/bin/puma")]
    [InlineData("puma")]
    public void Program_words_read_back_exactly(string program)
    {
        var unit = new SystemdUnitWriter("t");
        unit.Section("Service");
        unit.Command("ExecStart", [program, "-C", "/etc/puma.rb"]);

        var line = ExecCommandLine.Parse(Assert.Single(SystemdUnitReader.Parse(unit.ToString(), "t.service").Entries).RawValue, out var error);

        Assert.Null(error);
        Assert.Equal([program, "-C", "/etc/puma.rb"], line!.Words.AsEnumerable());
    }

    [Fact]
    public void Exec_words_of_random_printable_text_read_back_exactly()
    {
        // Property-style: many random words over an alphabet rich in systemd's special characters.
        const string alphabet = "aZ09 /%$\\\"';#{}@-:+!=,.`~&|*?[]()<>\u00e9\u2713";
        var random = new Random(20251122);
        for (var i = 0; i < 500; i++)
        {
            var word = new string([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var unit = new SystemdUnitWriter("t");
            unit.Section("Service");
            unit.Command("ExecStart", ["/bin/echo", word, ";"]);

            var line = ExecCommandLine.Parse(Assert.Single(SystemdUnitReader.Parse(unit.ToString(), "t.service").Entries).RawValue, out var error);

            Assert.Null(error);
            Assert.Equal(["/bin/echo", word, ";"], line!.Words.AsEnumerable());
        }
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Plain_values_read_back_exactly(string value)
    {
        if (value.EndsWith('\\'))
        {
            // A trailing backslash continues the line in a unit file: refused, never written (UG0701).
            Assert.Throws<ArgumentException>(() => new SystemdUnitWriter("t").Value("Description", value));
            return;
        }

        var unit = new SystemdUnitWriter("t");
        unit.Section("Unit");
        unit.Value("Description", value.Trim());

        Assert.Equal(value.Trim(), Assert.Single(SystemdUnitReader.Parse(unit.ToString(), "t.service").Entries).Value);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Environment_file_values_read_back_exactly(string value)
    {
        var env = new EnvironmentFileWriter("t");
        env.Variable("X", value);

        Assert.Equal(value, Assert.Single(EnvironmentFileReader.Parse(env.ToString()).Assignments).Value);
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("nul\0")]
    public void Control_characters_are_refused_never_written(string value)
    {
        Assert.Throws<ArgumentException>(() => new SystemdUnitWriter("t").Value("Description", value));
        Assert.Throws<ArgumentException>(() => new SystemdUnitWriter("t").Command("ExecStart", ["/bin/echo", value]));
        Assert.Throws<ArgumentException>(() => new EnvironmentFileWriter("t").Variable("X", value));
    }

    [Fact]
    public void Lone_surrogates_are_refused_never_replaced()
    {
        // Built here, in a Fact: attribute arguments and serialized theory data both pass through
        // UTF-8, which would already have turned a lone surrogate into U+FFFD.
        string[] values = ["lone " + (char)0xD800 + " high", "lone " + (char)0xDC00 + " low", string.Concat((char)0xDC00, (char)0xD800)];
        foreach (var value in values)
        {
            Assert.ThrowsAny<ArgumentException>(() => RubyWriter.String(value));
            Assert.ThrowsAny<ArgumentException>(() => new SystemdUnitWriter("t").Value("Description", value));
            Assert.ThrowsAny<ArgumentException>(() => new SystemdUnitWriter("t").Command("ExecStart", ["/bin/echo", value]));
            Assert.ThrowsAny<ArgumentException>(() => new EnvironmentFileWriter("t").Variable("X", value));
        }
    }

    [Fact]
    public void A_real_pair_and_a_real_replacement_character_are_written()
    {
        Assert.Equal("\"\ud834\udd1e \ufffd\"", RubyWriter.String("\ud834\udd1e \ufffd"));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("#{system('id')}", "\"\\#{system('id')}\"")]
    [InlineData("q\"b\\", "\"q\\\"b\\\\\"")]
    [InlineData("a\nb", "\"a\\u{a}b\"")]
    public void Ruby_strings_are_inert_literals(string value, string literal)
    {
        Assert.Equal(literal, RubyWriter.String(value));
    }

    [Theory]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$HOME `id`", "'$HOME `id`'")]
    public void Shell_values_are_single_quoted(string value, string quoted)
    {
        Assert.Equal(quoted, ShellWriter.Quote(value));
    }
}
