using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Client;
using MedCard.Host.Link;
using MedCard.Host.Transport;
using MedCard.Protocol;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;

namespace MedCard.Checkout;

/// <summary>
/// Looking after one reader between purchases, against the ledger it settles into: its status beside the ledger's view of it,
/// the ledger's hotlist pushed to it, its journal filed (<see cref="CheckoutTerminal.RecoverAsync"/>: every signed record the
/// ledger has not filed is voided with its reason, so nothing signed is lost), a reboot, and a factory wipe that files the
/// journal first. What `medcard reader ...` calls. Talks to readers the ledger does not know too (status, hotlist, reboot,
/// wipe); filing the journal needs the ledger to hold the reader's key.
/// </summary>
public sealed class ReaderAdministration : IAsyncDisposable
{
    private readonly CheckoutTerminal _terminal;
    private readonly bool _ownsTerminal;

    private ReaderAdministration(CheckoutTerminal terminal, bool knownToLedger, bool ownsTerminal = true)
    {
        _terminal = terminal;
        KnownToLedger = knownToLedger;
        _ownsTerminal = ownsTerminal;
    }

    /// <summary>
    /// Administers the reader of an open <paramref name="terminal"/> on the terminal's own link (a host that keeps readers attached
    /// all day, such as `medcard serve`, needs no second connection). The terminal stays the caller's: disposing this object leaves
    /// it open. The reader answers status and hotlist requests between the steps of a purchase in progress.
    /// </summary>
    public static ReaderAdministration Over(CheckoutTerminal terminal)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        // OpenAsync refuses readers the ledger does not know, so an open terminal's reader is known.
        return new ReaderAdministration(terminal, knownToLedger: true, ownsTerminal: false);
    }

    /// <summary>The link's state (connected, reconnecting, closed).</summary>
    public LinkState LinkState => _terminal.Client.LinkState;

    /// <summary>The card in the reader's field as far as its events tell (null when none).</summary>
    public CardEvent? CurrentCard => _terminal.Client.CurrentCard;

    /// <summary>Cards presented to and removed from the reader, from now on, until cancelled or the link is closed.</summary>
    public IAsyncEnumerable<CardEvent> CardEventsAsync(CancellationToken cancellationToken) => _terminal.Client.CardEventsAsync(cancellationToken);

    /// <summary>The terminal underneath (for <see cref="HotlistBroadcast"/>).</summary>
    internal CheckoutTerminal Terminal => _terminal;

    /// <summary>The reader's id from its greeting (0: not provisioned).</summary>
    public uint ReaderId => _terminal.ReaderId;

    /// <summary>What the reader announced (firmware version, board, capabilities).</summary>
    public Capabilities? Capabilities => _terminal.Client.Capabilities;

    /// <summary>True when the reader is provisioned and the ledger holds its key, so its records can be verified and filed.</summary>
    public bool KnownToLedger { get; }

    /// <summary>Connects the reader on <paramref name="transport"/> with the ledger's key and chain for it. Nothing is filed or sent
    /// beyond the greeting. Throws <see cref="TransportException"/> when the endpoint cannot be opened.</summary>
    public static async Task<ReaderAdministration> OpenAsync(IByteTransport transport, ILedgerStore ledger, CheckoutOptions? options,
        CancellationToken cancellationToken)
    {
        CheckoutTerminal terminal = await CheckoutTerminal.ConnectAsync(transport, ledger, options, cancellationToken).ConfigureAwait(false);
        try
        {
            bool known = await terminal.IsKnownToLedgerAsync(cancellationToken).ConfigureAwait(false);
            return new ReaderAdministration(terminal, known);
        }
        catch
        {
            await terminal.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The reader's status (counter, journal fill, hotlist version, line counters) beside the ledger's last filed counter
    /// and hotlist version for it.</summary>
    public async Task<ReaderStatusReport> GetStatusAsync(CancellationToken cancellationToken)
    {
        StatusResponse status = await _terminal.Client.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        long filed = ReaderId == 0 ? -1
            : await _terminal.Ledger.InTransactionAsync((s, _) => s.GetReaderLastCounterAsync(ReaderId), cancellationToken).ConfigureAwait(false);
        Hotlist hotlist = await new CardDesk(_terminal.Ledger).GetHotlistAsync(cancellationToken).ConfigureAwait(false);
        return new ReaderStatusReport(status, Capabilities, KnownToLedger, filed < 0 ? null : (uint)filed, hotlist.Version);
    }

    /// <summary>
    /// Pushes the ledger's current hotlist (every card reported lost or replaced, by card number) to the reader under the ledger's
    /// hotlist version. The reader switches to it atomically after the last chunk; <see cref="HotlistPushReport.Ack"/> says
    /// Activated, Stale (the reader already has this version or a newer one), Full or StorageFailure (its previous list stays).
    /// </summary>
    public Task<HotlistPushReport> PushHotlistAsync(CancellationToken cancellationToken) => _terminal.PushHotlistAsync(cancellationToken);

    /// <summary>
    /// Files the reader's journal into the ledger (<see cref="CheckoutTerminal.RecoverAsync"/>): every signed record after the
    /// ledger's last counter was never settled and is voided with its reason, in counter order; then the journal is acknowledged
    /// up to the ledger's position. Throws <see cref="CheckoutException"/> (<see cref="CheckoutReasons.ReaderNotProvisioned"/>)
    /// when the ledger holds no key for the reader.
    /// </summary>
    public Task<RecoveryReport> SyncJournalAsync(CancellationToken cancellationToken)
    {
        if (!KnownToLedger)
        {
            throw new CheckoutException(CheckoutReasons.ReaderNotProvisioned,
                "reader " + ReaderId + " is not provisioned against this ledger (the ledger holds no key for it), so its journal cannot be filed here");
        }

        return _terminal.RecoverAsync(cancellationToken);
    }

    /// <summary>Reboots the reader; its key, counter, journal and hotlist are kept. The link ends: dispose this object.</summary>
    public Task RebootAsync(CancellationToken cancellationToken) => _terminal.Client.ResetAsync(ResetMode.Reboot, cancellationToken);

    /// <summary>
    /// Wipes the reader to factory state (key, card keys, journal and hotlist erased; the counter is kept, so a re-provisioned
    /// reader never reuses one). When the ledger knows the reader its journal is filed first (<see cref="SyncJournalAsync"/>), so
    /// no signed record is lost; the report is returned (null when the ledger does not know the reader and nothing could be
    /// filed). The link ends: dispose this object. Ask the operator before calling this.
    /// </summary>
    public async Task<RecoveryReport?> FactoryWipeAsync(CancellationToken cancellationToken)
    {
        RecoveryReport? filed = KnownToLedger ? await _terminal.RecoverAsync(cancellationToken).ConfigureAwait(false) : null;
        await _terminal.Client.ResetAsync(ResetMode.FactoryWipe, cancellationToken).ConfigureAwait(false);
        return filed;
    }

    /// <summary>Closes the reader link (not when attached with <see cref="Over"/>: the terminal is the caller's). The ledger store
    /// stays open (it is the caller's).</summary>
    public ValueTask DisposeAsync() => _ownsTerminal ? _terminal.DisposeAsync() : ValueTask.CompletedTask;
}
