using UnitGen.Formats.Ruby;

namespace UnitGen.Emitters.App;

/// <summary>
/// <c>server.localConfig</c>: the generated puma.rb / unicorn.rb read a hand-written <c>puma.local.rb</c> /
/// <c>unicorn.local.rb</c> from their own folder last, when it exists, so settings and hooks the model
/// cannot express survive regeneration. Both servers evaluate their config file with instance_eval and its
/// path (puma 5.6.5 lib/puma/dsl.rb _load_from; unicorn 6.0.0 lib/unicorn/configurator.rb reload), so
/// <c>__dir__</c> is the config's folder and the local file runs in the same DSL.
/// </summary>
internal static class LocalConfigHook
{
    public const string Puma = "puma.local.rb";

    public const string Unicorn = "unicorn.local.rb";

    public static string Ruby(string fileName) =>
        $"""
        local_hooks = File.expand_path({RubyWriter.String(fileName)}, __dir__)
        instance_eval(File.read(local_hooks), local_hooks) if File.file?(local_hooks)

        """;
}
