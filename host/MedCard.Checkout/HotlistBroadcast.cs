using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Link;
using MedCard.Host.Transport;

namespace MedCard.Checkout;

/// <summary>
/// The hotlist to every connected reader at once: after a loss report (or a replacement) the ledger's hotlist is pushed
/// to each open <see cref="CheckoutTerminal"/> in parallel, so every reader refuses the card within the time of one push,
/// not at its next scheduled update. A reader that cannot be reached does not hold up the others: its failure is in its
/// <see cref="HotlistDelivery"/>, and the ledger still refuses the card there (settlement checks the card's state).
/// </summary>
public static class HotlistBroadcast
{
    /// <summary>Pushes the ledger's hotlist to each of <paramref name="terminals"/> (each on its own ledger) in parallel and
    /// returns one delivery per terminal, in the order given.</summary>
    public static async Task<IReadOnlyList<HotlistDelivery>> PushAsync(IEnumerable<CheckoutTerminal> terminals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terminals);
        CheckoutTerminal[] all = terminals.ToArray();
        return await Task.WhenAll(all.Select(t => PushOneAsync(t, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>The same for readers opened for administration (`medcard card report-loss --push-to`).</summary>
    public static Task<IReadOnlyList<HotlistDelivery>> PushAsync(IEnumerable<ReaderAdministration> readers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readers);
        return PushAsync(readers.Select(r => r.Terminal), cancellationToken);
    }

    private static async Task<HotlistDelivery> PushOneAsync(CheckoutTerminal terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        uint readerId = terminal.ReaderId;
        try
        {
            return new HotlistDelivery(readerId, await terminal.PushHotlistAsync(cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is TransportException or TimeoutException or ReaderLinkClosedException or ReaderBusyException or ReaderErrorException)
        {
            return new HotlistDelivery(readerId, null, e.GetType().Name + ": " + e.Message);
        }
    }
}
