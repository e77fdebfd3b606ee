using System.Diagnostics;
using System.Globalization;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// Jobs for a real sidekiq: a producer that enqueues continuously (each job sleeps 0.2–2 s), the
/// worker file sidekiq loads (each job counts its start and its completion per id in Redis), and the
/// tally after a drain: enqueued, completed at least once, lost, started twice (run again after a
/// push-back), completed twice.
/// </summary>
public sealed class SidekiqJobs : IDisposable
{
    /// <summary>sidekiq 6.4.1 loads this with `-r`/`:require:`; HINCRBY is atomic, so two runs of one id both count.</summary>
    public const string WorkerRuby = """
        require "sidekiq"

        class SleepJob
          include Sidekiq::Worker

          def perform(id, ms)
            Sidekiq.redis { |r| r.hincrby("started", id, 1) }
            sleep(ms / 1000.0)
            Sidekiq.redis { |r| r.hincrby("completed", id, 1) }
          end
        end

        """;

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(150);
    private const int MaxJobs = 2000;

    private readonly RedisServer redis;
    private readonly string prefix;
    private readonly Random random;
    private readonly List<string> enqueued = [];
    private readonly CancellationTokenSource stop = new();
    private Thread? thread;

    public SidekiqJobs(RedisServer redis, string prefix, int seed)
    {
        this.redis = redis;
        this.prefix = prefix;
        random = new Random(seed);
    }

    public sealed record Tally(int Enqueued, int Completed, int Lost, int StartedTwice, int CompletedTwice)
    {
        public override string ToString() =>
            $"{Enqueued} enqueued, {Completed} completed, {Lost} lost, {StartedTwice} run twice (started again after a push-back), {CompletedTwice} completed twice";
    }

    /// <summary>Enqueues one job every 150 ms on a thread of its own, at most 2,000.</summary>
    public void Start()
    {
        redis.Command("SADD", "queues", "default");
        thread = new Thread(() =>
        {
            while (!stop.IsCancellationRequested && enqueued.Count < MaxJobs)
            {
                Enqueue();
                stop.Token.WaitHandle.WaitOne(Interval);
            }
        }) { IsBackground = true };
        thread.Start();
    }

    /// <summary>Stops enqueuing, waits until the queue is empty and no job finished for 2.5 s (at most 40 s), and counts.</summary>
    public Tally StopAndDrain()
    {
        stop.Cancel();
        thread?.Join();
        var clock = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        var last = -1;
        while (clock.Elapsed < TimeSpan.FromSeconds(40))
        {
            var done = Count().Completed;
            if (done != last)
            {
                last = done;
                quiet.Restart();
            }

            if ((long)redis.Command("LLEN", "queue:default")! == 0 && (done == enqueued.Count || quiet.Elapsed > TimeSpan.FromSeconds(2.5)))
            {
                break;
            }

            Thread.Sleep(200);
        }

        return Count();
    }

    public void Dispose()
    {
        stop.Cancel();
        thread?.Join();
        stop.Dispose();
    }

    private void Enqueue()
    {
        var id = prefix + enqueued.Count.ToString(CultureInfo.InvariantCulture);
        var ms = random.Next(200, 2001);
        var jid = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..24];
        var now = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0).ToString("F3", CultureInfo.InvariantCulture);
        // The payload sidekiq 6.4.1's client writes (lib/sidekiq/client.rb atomic_push): LPUSH onto
        // queue:NAME, the queue's name in the `queues` set. retry: false — a failed job is not a lost one.
        var payload = $$"""{"class":"SleepJob","args":["{{id}}",{{ms}}],"queue":"default","jid":"{{jid}}","retry":false,"created_at":{{now}},"enqueued_at":{{now}}}""";
        redis.Command("LPUSH", "queue:default", payload);
        enqueued.Add(id);
    }

    private Tally Count()
    {
        var started = redis.Counts("started");
        var completed = redis.Counts("completed");
        var mine = enqueued.ToList();
        return new Tally(
            mine.Count,
            mine.Count(id => completed.GetValueOrDefault(id) >= 1),
            mine.Count(id => completed.GetValueOrDefault(id) == 0),
            mine.Count(id => started.GetValueOrDefault(id) >= 2),
            mine.Count(id => completed.GetValueOrDefault(id) >= 2));
    }
}
