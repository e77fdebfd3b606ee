namespace UnitGen.Lint;

/// <summary>
/// Programs that run background jobs, not a web server: a unit starting one of them never loads puma.rb or
/// unicorn.rb, so lint and import do not pair it with the app config given beside it (a Rails app's
/// <c>config/puma.rb</c> sits next to its <c>sidekiq.service</c> and <c>delayed_job.service</c>).
/// </summary>
internal static class JobPrograms
{
    /// <summary>
    /// sidekiq and sidekiqswarm (sidekiq 7 bin/), delayed_job (bin/delayed_job of delayed_job 4), rake (any
    /// task, e.g. <c>rake solid_queue:start</c> or <c>rake jobs:work</c>), Rails 8's <c>bin/jobs</c>
    /// (solid_queue), resque and resque-pool, good_job, que, shoryuken, sneakers, karafka, clockwork/clockworkd.
    /// </summary>
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "sidekiq", "sidekiqswarm", "delayed_job", "rake", "jobs", "resque", "resque-pool", "good_job", "que",
        "shoryuken", "sneakers", "karafka", "clockwork", "clockworkd",
    };

    /// <summary>Whether a command line (with a shell's <c>-c</c> script split into words) starts a job runner rather than a web server.</summary>
    public static bool Runs(IEnumerable<string> words) => words.Select(Path.GetFileName).Any(w => w is not null && Names.Contains(w));
}
