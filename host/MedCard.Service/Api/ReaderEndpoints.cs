using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using MedCard.Checkout;
using MedCard.Host.Client;
using MedCard.Service.Readers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace MedCard.Service.Api;

/// <summary>/v1/readers: the readers, their status, their card events (Server-Sent Events).</summary>
internal static class ReaderEndpoints
{
    /// <summary>The SSE event type of a card presented to a reader.</summary>
    public const string CardPresented = "card.presented";

    /// <summary>The SSE event type of a card taken away.</summary>
    public const string CardRemoved = "card.removed";

    /// <summary>The first SSE event: the subscription is in place, later card events will arrive.</summary>
    public const string Subscribed = "subscribed";

    public static void Map(RouteGroupBuilder v1)
    {
        RouteGroupBuilder readers = v1.MapGroup("/readers").WithTags("Readers");
        readers.MapGet("/", List).WithName("ListReaders").WithSummary("The readers this service owns, their link state and the card in their field");
        readers.MapGet("/{name}", StatusAsync).WithName("GetReaderStatus")
            .WithSummary("A reader's own status (counter, journal, hotlist) beside the ledger's view of it");
        readers.MapGet("/{name}/events", Events).WithName("StreamCardEvents")
            .WithSummary("Cards presented to and removed from the reader, as Server-Sent Events (card.presented, card.removed)");
    }

    private static Ok<List<ReaderView>> List(ReaderFleet fleet) =>
        TypedResults.Ok(fleet.All.Select(View).ToList());

    private static async Task<Results<Ok<ReaderStatusView>, ProblemHttpResult>> StatusAsync(string name, ReaderFleet fleet, CancellationToken ct)
    {
        if (fleet.Find(name) is not { } reader)
        {
            return Problems.UnknownReader(name);
        }

        if (reader.Administration is not { } admin)
        {
            return Problems.ReaderUnavailable(name, reader.Error);
        }

        ReaderStatusReport status = await admin.GetStatusAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(new ReaderStatusView(reader.Name, admin.ReaderId, admin.LinkState.ToString(), reader.Busy,
            status.Capabilities is { } c ? c.FirmwareMajor + "." + c.FirmwareMinor + "." + c.FirmwarePatch : null, status.Reader.Counter,
            status.LedgerCounter, status.UnfiledRecords, status.Reader.HotlistVersion, status.LedgerHotlistVersion, status.HotlistBehind,
            status.Reader.JournalCount));
    }

    private static Results<ServerSentEventsResult<CardView?>, ProblemHttpResult> Events(string name, ReaderFleet fleet, HttpContext http,
        IHostApplicationLifetime lifetime)
    {
        if (fleet.Find(name) is not { } reader)
        {
            return Problems.UnknownReader(name);
        }

        if (reader.Administration is null)
        {
            return Problems.ReaderUnavailable(name, reader.Error);
        }

        // Subscribed here, before the response starts: a card presented once the client sees "subscribed" is never missed.
        ChannelReader<CardEvent> events = reader.Subscribe();
        // Ends when the client goes away or the service stops (an open stream would otherwise hold a clean shutdown until its timeout).
        return TypedResults.ServerSentEvents(Stream(reader, events, lifetime.ApplicationStopping, http.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<CardView?>> Stream(ServedReader reader, ChannelReader<CardEvent> events,
        CancellationToken stopping, [EnumeratorCancellation] CancellationToken aborted = default)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        CancellationToken ct = both.Token;
        try
        {
            yield return new SseItem<CardView?>(reader.Administration?.CurrentCard is { } current ? Card(current) : null, Subscribed);
            while (await Next(events, ct).ConfigureAwait(false))
            {
                while (events.TryRead(out CardEvent? card))
                {
                    yield return new SseItem<CardView?>(Card(card), card.IsPresent ? CardPresented : CardRemoved);
                }
            }
        }
        finally
        {
            reader.Unsubscribe(events);
        }
    }

    // The stream ends quietly when the client goes away or the service stops.
    private static async Task<bool> Next(ChannelReader<CardEvent> events, CancellationToken ct)
    {
        try
        {
            return await events.WaitToReadAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    internal static ReaderView View(ServedReader reader) => reader.Administration is { } admin
        ? new ReaderView(reader.Name, admin.ReaderId, admin.LinkState.ToString(), reader.Busy, admin.CurrentCard is { } card ? Card(card) : null, null)
        : new ReaderView(reader.Name, 0, "Unavailable", false, null, reader.Error);

    internal static CardView Card(CardEvent card) => new(card.IsPresent, Convert.ToHexString(card.Uid), card.CardNumber, card.HolderVerified);
}
