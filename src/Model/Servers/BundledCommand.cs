using System.Collections.Immutable;

namespace UnitGen.Model.Servers;

/// <summary>
/// The one default launcher of every Ruby program UnitGen runs without an explicit <c>command</c> — the
/// web server (<see cref="ServerProfile.DefaultCommand"/>) and the workers
/// (<see cref="ProcessProfile.DefaultProgram"/>) alike: the app's own bundle, so the version that runs is the
/// one its Gemfile.lock locks, not whatever is first on PATH.
/// </summary>
internal static class BundledCommand
{
    /// <summary><c>bundle exec --keep-file-descriptors PROGRAM…</c>; empty when there is no program.</summary>
    /// <remarks>
    /// bundler &gt;= 2.2.26 keeps fds by default; saying so keeps older bundlers safe too (UG0202) and newer ones
    /// still accept it (<c>exec</c> option keep_file_descriptors). A program that takes no activated socket
    /// (sidekiq) loses nothing by it. bundle exec loads a Ruby program in its own process (bundler
    /// lib/bundler/cli/exec.rb <c>kernel_load</c>), so the program stays the main PID systemd and runsv watch.
    /// </remarks>
    public static ImmutableArray<string> Of(ImmutableArray<string> program) =>
        program.IsEmpty ? program : ["bundle", "exec", "--keep-file-descriptors", .. program];

    /// <summary>The words <see cref="Of"/> puts before the program.</summary>
    public static ImmutableArray<string> Prefix { get; } = ["bundle", "exec", "--keep-file-descriptors"];
}
