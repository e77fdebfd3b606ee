using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UnitGen.Hosting;

/// <summary>
/// A transport that pauses between "stop accepting" and "close idle connections". At shutdown Kestrel
/// unbinds its listeners, then at once closes every connection whose first request has not begun
/// (an HTTP/1.1 connection waiting for its request line ends when keep-alive goes off). Under socket
/// activation a fresh client can be accepted an instant before, its request still on the way: it
/// would get an empty response. The pause lets those requests arrive and be parsed; Kestrel then lets
/// them finish. Connections systemd queued but nobody accepted stay in the socket for the next process.
/// </summary>
internal sealed class DrainingListenerFactory(
    IConnectionListenerFactory transport, IOptions<UnitGenHostingOptions> options, SystemdNotifications notifications, ILogger<DrainingListenerFactory> logger)
    : IConnectionListenerFactory, IConnectionListenerFactorySelector
{
    public async ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default) =>
        new DrainingListener(await transport.BindAsync(endpoint, cancellationToken).ConfigureAwait(false), options.Value.Drain, notifications, logger);

    /// <summary>The wrapped transport decides which endpoints it binds (Kestrel asks the last registered factory first).</summary>
    public bool CanBind(EndPoint endpoint) => transport is not IConnectionListenerFactorySelector selector || selector.CanBind(endpoint);

    private sealed class DrainingListener(IConnectionListener listener, TimeSpan drain, SystemdNotifications notifications, ILogger logger) : IConnectionListener
    {
        public EndPoint EndPoint => listener.EndPoint;

        public ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default) => listener.AcceptAsync(cancellationToken);

        public async ValueTask UnbindAsync(CancellationToken cancellationToken = default)
        {
            await listener.UnbindAsync(cancellationToken).ConfigureAwait(false);
            if (drain <= TimeSpan.Zero)
            {
                return;
            }

            var line = $"Stopped accepting on {EndPoint}; draining for {drain.TotalMilliseconds:0} ms";
            logger.LogInformation("{Drain}", line);
            notifications.Status(line);
            try
            {
                await Task.Delay(drain, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout ran out: no more waiting, Kestrel aborts what is left.
            }
        }

        public ValueTask DisposeAsync() => listener.DisposeAsync();
    }
}
