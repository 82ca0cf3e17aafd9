using System;
using System.Threading.Tasks;
using MedCard.Host.Link;

namespace MedCard.EndToEnd.Tests.Support;

/// <summary>Turn the host's events into tasks a test can await with a timeout (never a sleep).</summary>
internal static class Signals
{
    /// <summary>Completes the first time the link reports <paramref name="state"/> (subscribe before causing it).</summary>
    public static Task WhenLinkState(ReaderLink link, LinkState state)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<LinkState>? handler = null;
        handler = (_, now) =>
        {
            if (now == state)
            {
                link.StateChanged -= handler;
                reached.TrySetResult();
            }
        };
        link.StateChanged += handler;
        if (link.State == state)
        {
            link.StateChanged -= handler;
            reached.TrySetResult();
        }

        return reached.Task.WaitAsync(HostAndSimulator.Patience);
    }

    /// <summary>Completes when the link has reconnected (handshake redone) after this call.</summary>
    public static Task WhenReconnected(ReaderLink link)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler? handler = null;
        handler = (_, _) =>
        {
            link.Reconnected -= handler;
            done.TrySetResult();
        };
        link.Reconnected += handler;
        return done.Task.WaitAsync(HostAndSimulator.Patience);
    }
}
