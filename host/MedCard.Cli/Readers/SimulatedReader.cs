using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Firmware.Hardware;
using MedCard.Firmware.Keypad;
using MedCard.Firmware.Pin;
using MedCard.Host.Crypto;
using MedCard.Protocol;

namespace MedCard.Cli.Readers;

/// <summary>
/// An in-process stand-in for a reader, for `settle` and the demo when no hardware is attached. It runs the
/// firmware core's own keypad PIN entry and ISO 9564 format 4 PIN block encoder, and signs records exactly
/// as the reader does: counter+1 persisted first, then HMAC-SHA256 over the record chained to the previous
/// MAC. The desktop simulator that runs the whole firmware core over a pseudo-terminal lives in
/// host/MedCard.Simulator; this class covers the same transaction without a link.
/// </summary>
internal sealed class SimulatedReader
{
    private readonly ReaderRegistry _registry;
    private readonly DotNetHmacSha256 _hmac = new();
    private readonly PinBlockEncoder _encoder;

    public SimulatedReader(ReaderRegistry registry, SimulatedReaderState state)
    {
        _registry = registry;
        State = state;
        _encoder = new PinBlockEncoder(_hmac, new DotNetAes128(), new SystemEntropy());
    }

    public SimulatedReaderState State { get; private set; }

    public uint ReaderId => State.ReaderId;

    /// <summary>The counter the next record will carry; also the key counter of the PIN block for it.</summary>
    public uint NextCounter => State.Counter + 1;

    /// <summary>The holder types the PIN on the keypad and presses Enter; returns the enciphered PIN block.</summary>
    public byte[] EnterPin(PinKeys keys, string cardNumber)
    {
        var entry = new PinEntry();
        entry.Start(PinEntry.MinLength, PinEntry.MaxLength);
        foreach (char key in keys.Presses())
        {
            entry.Press(key);
        }

        if (entry.Press('#') != PinEntryEvent.Submitted && !entry.IsComplete)
        {
            entry.Wipe();
            throw new ArgumentException("The PIN entry was not accepted by the keypad (4 to 12 digits).");
        }

        byte[] block = new byte[PinBlockFormat4.BlockSize];
        _encoder.Encode(entry, cardNumber, State.Key, State.ReaderId, NextCounter, block, 0);
        return block;
    }

    /// <summary>Takes the next counter (persisted first), signs the record and remembers its MAC for the chain.</summary>
    public async Task<SignedRecord> SignAsync(byte[] uid, string cardNumber, long amount, TransactionType type, uint time, byte[] hostNonce,
        CancellationToken cancellationToken)
    {
        uint counter = await _registry.TakeNextCounterAsync(State.ReaderId, cancellationToken).ConfigureAwait(false);
        SignedRecord record = Sign(counter, State.LastMac, uid, cardNumber, amount, type, time, hostNonce);
        await _registry.SetSimulatedLastMacAsync(State.ReaderId, record.Mac, cancellationToken).ConfigureAwait(false);
        State = State with { Counter = counter, LastMac = (byte[])record.Mac.Clone() };
        return record;
    }

    /// <summary>Fault injection: a genuine MAC on a counter the host already accepted (a cloned or
    /// restored reader replaying an old counter).</summary>
    public SignedRecord SignWithStaleCounter(byte[] uid, string cardNumber, long amount, TransactionType type, uint time, byte[] hostNonce)
    {
        return Sign(State.Counter, new byte[SignedRecord.MacLength], uid, cardNumber, amount, type, time, hostNonce);
    }

    /// <summary>Fault injection: the record the reader would sign next, with the amount changed after signing
    /// (tampered on the way). Nothing is persisted, so the reader's own chain is unaffected.</summary>
    public SignedRecord SignTampered(byte[] uid, string cardNumber, long amount, TransactionType type, uint time, byte[] hostNonce)
    {
        SignedRecord record = Sign(NextCounter, State.LastMac, uid, cardNumber, amount, type, time, hostNonce);
        record.Amount += 100; // one yuan more on the wire than the reader signed
        return record;
    }

    /// <summary>The one place this reader builds and signs a record, genuine or for a fault.</summary>
    private SignedRecord Sign(uint counter, byte[] previousMac, byte[] uid, string cardNumber, long amount, TransactionType type, uint time,
        byte[] hostNonce)
    {
        var record = new SignedRecord
        {
            ReaderId = State.ReaderId,
            Counter = counter,
            PreviousMac = (byte[])previousMac.Clone(),
            CardUid = (byte[])uid.Clone(),
            CardNumber = cardNumber,
            Amount = amount,
            Type = type,
            Time = time,
            HostNonce = (byte[])hostNonce.Clone(),
        };
        record.Sign(_hmac, State.Key);
        return record;
    }

    private sealed class SystemEntropy : IEntropySource
    {
        public void NextBytes(byte[] buffer, int offset, int count) => RandomNumberGenerator.Fill(buffer.AsSpan(offset, count));
    }
}
