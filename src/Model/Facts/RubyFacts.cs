namespace UnitGen.Model.Facts;

/// <summary>What the Ruby runtime needs from the sandbox, from <c>server.ruby</c> and <c>server.yjit</c>.</summary>
internal static class RubyFacts
{
    /// <summary>Ruby 3.1 is the first with YJIT (NEWS for 3.1.0; Debian 12's ruby 3.1.2 has it: <c>ruby --yjit</c>).</summary>
    public static readonly Version FirstWithYjit = new(3, 1, 0);

    /// <summary>
    /// Whether MemoryDenyWriteExecute=yes is safe: only where the model says the runtime never maps
    /// writable+executable memory. YJIT writes machine code into pages it then makes executable; under
    /// MemoryDenyWriteExecute=yes (systemd 252) <c>ruby --yjit</c> aborts at boot ("Couldn't make JIT page
    /// … executable", status 134). So: <c>yjit: false</c>, or a Ruby before 3.1; an absent <c>yjit</c> means
    /// it may be on (Rails 7.2+ turns it on for Ruby 3.3+ from an initializer UnitGen cannot see).
    /// .NET's JIT and unknown commands always need W+X.
    /// </summary>
    public static bool NeverNeedsWriteExecute(ServerSpec server)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (server.Profile.AlwaysWritesExecutableMemory)
        {
            return false;
        }

        return server.Yjit == false || (server.Yjit is null && server.Ruby is { } ruby && ruby < FirstWithYjit);
    }

    /// <summary>
    /// Where the model itself turns YJIT on: <c>RUBY_YJIT_ENABLE</c> in the environment (Ruby 3.1 enables
    /// YJIT when the variable is set at all — measured on 3.1.2 with "0" and ""), <c>--yjit</c> or
    /// <c>--enable=yjit</c> in RUBYOPT or on the command line (also as <c>env NAME=VALUE</c> words). Null when it does not.
    /// </summary>
    public static (string Path, string Text)? YjitSwitch(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Environment.FirstOrDefault(v => v.Name == "RUBY_YJIT_ENABLE") is { } enable)
        {
            return ($"environment.{enable.Name}", $"RUBY_YJIT_ENABLE={enable.Value}");
        }

        if (model.EnvironmentValue("RUBYOPT") is { } rubyopt && rubyopt.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(IsYjitSwitch))
        {
            return ("environment.RUBYOPT", $"RUBYOPT={rubyopt}");
        }

        var argv = model.Server.Command;
        for (var i = 0; i < argv.Length; i++)
        {
            // `--yjit` for ruby, or `env RUBY_YJIT_ENABLE=1 …` / `env RUBYOPT=--yjit …` in front of the server.
            if (IsYjitSwitch(argv[i]) || argv[i].StartsWith("RUBY_YJIT_ENABLE=", StringComparison.Ordinal)
                || (argv[i].StartsWith("RUBYOPT=", StringComparison.Ordinal) && argv[i]["RUBYOPT=".Length..].Split(' ').Any(IsYjitSwitch)))
            {
                return ($"server.command[{i}]", argv[i]);
            }
        }

        return null;
    }

    private static bool IsYjitSwitch(string word) =>
        word is "--yjit" or "--enable=yjit" or "--enable-yjit" || word.StartsWith("--yjit-", StringComparison.Ordinal)
        || (word.StartsWith("--enable=", StringComparison.Ordinal) && word["--enable=".Length..].Split(',').Contains("yjit"));
}
