using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Checkout;
using MedCard.Host.Transport;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using MedCard.Simulator.InProcess;
using Microsoft.Extensions.Logging;

namespace MedCard.Cli.Infrastructure;

/// <summary>
/// The CLI's wiring to the checkout library: which transport (a simulated reader beside the ledger, or a connected one),
/// and the library's failures as the tool's one-line errors. No reader logic lives here.
/// </summary>
internal static class CheckoutRunner
{
    /// <summary>A well-formed resident ID for a card number the ledger does not know (the simulated reader checks the form only).</summary>
    private const string PlaceholderResidentId = "110101198503074516";

    /// <summary>
    /// One purchase on the simulated reader <paramref name="readerId"/> of this ledger: the holder puts the card (as the
    /// ledger knows it, or exactly the UID and number given) on it and types <paramref name="pin"/> when asked.
    /// </summary>
    public static async Task<CheckoutResult> SimulatedAsync(ILedgerStore store, string storeSpec, uint readerId, byte[]? uid, string? cardNumber,
        string pin, Purchase purchase, ReaderFault fault, LedgerOptions? ledger, ILoggerFactory? logging, CancellationToken ct)
    {
        string directory = SimulatedReaderFlash.DirectoryFor(storeSpec, readerId);
        if (!SimulatedReaderFlash.IsProvisioned(directory))
        {
            throw new RefusedException("reader " + readerId + " cannot settle", "reader.not_provisioned",
                "it was never provisioned as a simulated reader", "medcard provision --reader " + readerId);
        }

        Card? card = await store.InTransactionAsync(
            (s, _) => cardNumber is not null ? s.GetCardAsync(cardNumber) : s.GetCardByUidAsync(uid!), ct).ConfigureAwait(false);
        if (card is null && (uid is null || cardNumber is null))
        {
            throw new RefusedException("the card " + (cardNumber ?? Convert.ToHexString(uid!)) + " cannot settle", Refusal.Of(ReasonCode.UnknownCard));
        }

        SimulatedReaderTransport transport;
        try
        {
            transport = SimulatedReaderTransport.Open(directory, fault);
        }
        catch (SimulatedReaderBusyException e)
        {
            throw CliException.Io(e.Message, "another medcard process is using this reader; wait for it to finish");
        }

        await using (transport.ConfigureAwait(false))
        {
            if (fault == ReaderFault.Replay && !transport.HasAnswerToReplay)
            {
                throw CliException.BadInput("--fault replay needs a reader that has signed a record before", "settle once without --fault first");
            }

            // Both given: the card in the field carries exactly these (a cloned UID shows up as a forged record).
            transport.PlaceCard(uid ?? card!.Uid, cardNumber ?? card!.CardNumber, card?.ResidentId ?? PlaceholderResidentId);
            transport.HolderTypes(pin);
            byte[] holderMacKey = transport.IssuerHolderMacKey(); // this ledger plays the issuer of the simulated scheme
            try
            {
                return await RunAsync(transport, store, purchase, TimeSpan.FromSeconds(30), null, holderMacKey, ledger, logging, ct).ConfigureAwait(false);
            }
            finally
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(holderMacKey);
            }
        }
    }

    /// <summary>One purchase on a connected reader (serial port, pty, tcp://). With <paramref name="holderMacKey"/> (the
    /// issuer's, from `settle --holder-mac-key`; the caller wipes it) the holder data the reader forwards is verified
    /// before the PIN is asked; without it, it is taken as the reader read it.</summary>
    public static async Task<CheckoutResult> ConnectedAsync(ILedgerStore store, string port, Purchase purchase, TimeSpan wait, Action<string> status,
        byte[]? holderMacKey, LedgerOptions? ledger, ILoggerFactory? logging, CancellationToken ct)
    {
        IByteTransport transport = Commands.ProvisionCommand.Transport(port);
        return await RunAsync(transport, store, purchase, wait, status, holderMacKey, ledger, logging, ct).ConfigureAwait(false);
    }

    private static async Task<CheckoutResult> RunAsync(IByteTransport transport, ILedgerStore store, Purchase purchase, TimeSpan wait,
        Action<string>? status, byte[]? holderMacKey, LedgerOptions? ledger, ILoggerFactory? logging, CancellationToken ct)
    {
        try
        {
            await using CheckoutTerminal terminal = await CheckoutTerminal.OpenAsync(transport, store,
                new CheckoutOptions { CardWait = wait, Status = status, HolderMacKey = holderMacKey, LoggerFactory = logging, Ledger = ledger }, ct).ConfigureAwait(false);
            return await terminal.CheckoutAsync(purchase, ct).ConfigureAwait(false);
        }
        catch (CheckoutException e)
        {
            throw new RefusedException("reader on " + transport.Name + " cannot settle", e.Reason, e.Message, "medcard provision --reader ID");
        }
    }
}
