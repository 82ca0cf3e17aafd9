using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Client;
using MedCard.Host.Pin;
using MedCard.Host.Verification;
using MedCard.Protocol;
using MedCard.Settlement.Services;
using MedCard.Simulator.InProcess;

namespace MedCard.Checkout.Tests;

/// <summary>A private temporary folder holding a SQLite ledger scene; deleted with it.</summary>
internal sealed class SceneFolder : IAsyncDisposable
{
    private SceneFolder(string path, CheckoutScene scene)
    {
        Path = path;
        Scene = scene;
    }

    public string Path { get; }

    public CheckoutScene Scene { get; }

    public string Ledger => System.IO.Path.Combine(Path, "ledger.db");

    public static async Task<SceneFolder> CreateAsync(long openingBalance = 100_00, int readers = 1)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "medcard-checkout-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        CheckoutScene scene = await CheckoutScene.CreateAsync(System.IO.Path.Combine(path, "ledger.db"), openingBalance, readers, CancellationToken.None);
        return new SceneFolder(path, scene);
    }

    /// <summary>
    /// Has simulated reader <paramref name="readerId"/> sign a purchase for an integrator whose process then dies before filing it: a
    /// bare reader client with the reader's key and an empty chain (a fresh reader: its first record), the PIN taken as right. The record
    /// is in the reader's journal and nowhere in the ledger.
    /// </summary>
    public async Task<SignedRecord> SignWithoutFilingAsync(uint readerId, long amountFen)
    {
        byte[] key = (await new ReaderDesk(Scene.Store).GetKeyAsync(readerId))!;
        var keys = new InMemoryReaderKeyStore();
        keys.Add(readerId, key);
        await using SimulatedReaderTransport reader = SimulatedReaderTransport.Open(Scene.ReaderFolder(readerId));
        reader.PlaceCard(CheckoutScene.Uid, CheckoutScene.CardNumber, CheckoutScene.ResidentId);
        reader.HolderTypes(CheckoutScene.Pin);
        await using ReaderClient client = await ReaderClient.ConnectAsync(reader, new ReaderClientOptions { Keys = keys, Chain = new InMemoryRecordChainStore() });
        await client.WaitForCardAsync(TimeSpan.FromSeconds(30));
        PinOutcome pin = await client.RequestPinAsync(CheckoutScene.CardNumber, new AnyPin());
        if (pin != PinOutcome.Correct)
        {
            throw new InvalidOperationException("PIN entry ended " + pin);
        }

        AuthorizationResult signed = await client.AuthorizeAsync(CheckoutScene.CardNumber, amountFen, TransactionType.Purchase);
        return signed.Record ?? throw new InvalidOperationException("the reader did not sign: " + signed.Status);
    }

    public async ValueTask DisposeAsync()
    {
        await Scene.DisposeAsync();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class AnyPin : IPinVerifier
    {
        public ValueTask<PinCheck> VerifyAsync(PinCheckRequest request, ReadOnlyMemory<byte> digits, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(PinCheck.Correct);
    }
}
