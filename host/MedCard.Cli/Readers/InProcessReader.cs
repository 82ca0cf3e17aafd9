using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using MedCard.Firmware.Keypad;
using MedCard.Firmware.Reader;
using MedCard.Host.Crypto;
using MedCard.Protocol;
using MedCard.Simulator.Cards;
using MedCard.Simulator.Hardware;

namespace MedCard.Cli.Readers;

/// <summary>
/// The firmware's own <see cref="ReaderCore"/> on virtual hardware (the simulator's card field, keypad and
/// directory-backed flash), driven synchronously: a manual clock moves 10 ms per tick, the keypad finger follows that
/// clock, and the host side talks to the core in protocol frames over an in-memory link. No threads, no real time.
/// The reader's flash lives in <c>flash/</c> of its directory, so counter, chain and journal survive between runs;
/// <c>scheme.keys</c> beside it plays the card issuer (the keys the virtual cards are personalised under).
/// </summary>
internal sealed class InProcessReader : IFrameHandler
{
    private const int StepMs = 10;
    private const string SchemeFile = "scheme.keys";

    private readonly string _directory;
    private readonly ManualClock _clock = new();
    private readonly InProcessLink _link = new();
    private readonly VirtualCardField _field = new();
    private readonly VirtualKeypad _keypad;
    private readonly FileByteStore _flash;
    private readonly ReaderOptions _options = new();
    private readonly FrameDecoder _decoder;
    private readonly byte[] _payload = new byte[FrameFormat.MaxPayloadSize];
    private readonly byte[] _wire = new byte[FrameFormat.MaxEncodedFrameSize];
    private readonly List<(FrameHeader Header, byte[] Payload)> _responses = new();
    private ushort _nextId = 1;
    private ReaderCore _core;

    private InProcessReader(string directory)
    {
        _directory = directory;
        ReaderTimings timings = _options.Timings;
        int shortest = timings.KeypadDebounceMs + (2 * timings.KeypadScanMs) + StepMs;
        _keypad = new VirtualKeypad(KeypadLayout.Standard4x4(), _clock, shortest, shortest);
        _flash = new FileByteStore(Path.Combine(directory, "flash"));
        _decoder = new FrameDecoder(this);
        _core = Boot();
    }

    public uint ReaderId => _core.Provisioning.ReaderId;

    /// <summary>The last counter the reader reserved (persisted before it signs).</summary>
    public uint LastCounter => _core.Counter.Last;

    /// <summary>Flash a fresh reader: identity and key, counter floor, card-system keys of a new in-process scheme.</summary>
    public static void Provision(string directory, uint readerId, byte[] key, uint startCounter)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true); // reflash: a new key, a new scheme
        }

        Directory.CreateDirectory(directory);
        var reader = new InProcessReader(directory);
        if (reader._core.Provisioning.Provision(readerId, key) != ProvisionStatus.Provisioned)
        {
            throw new IOException("The in-process reader's flash did not take the key.");
        }

        reader._core.Counter.RaiseFloor(startCounter);
        // The scheme's issuer keys (key-A master, key-B master, holder-data MAC key); the reader gets the first only.
        byte[] scheme = RandomNumberGenerator.GetBytes(96);
        try
        {
            if (!reader._core.InstallCardKeys(scheme[..32]))
            {
                throw new IOException("The in-process reader's flash did not take the card keys.");
            }

            File.WriteAllBytes(Path.Combine(directory, SchemeFile), scheme);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scheme);
        }
    }

    /// <summary>The reader in <paramref name="directory"/>, or null when it was never provisioned.</summary>
    public static InProcessReader? Open(string directory)
    {
        if (!File.Exists(Path.Combine(directory, SchemeFile)))
        {
            return null;
        }

        var reader = new InProcessReader(directory);
        return reader._core.Provisioning.IsProvisioned ? reader : null;
    }

    /// <summary>Personalise a virtual card under this reader's scheme, put it in the field and run until it is read.</summary>
    public void Present(byte[] uid, string cardNumber, string residentId)
    {
        byte[] scheme = File.ReadAllBytes(Path.Combine(_directory, SchemeFile));
        var file = new CardsFile
        {
            Scheme = new SchemeKeys
            {
                KeyAMasterKey = Convert.ToHexString(scheme, 0, 32), KeyBMasterKey = Convert.ToHexString(scheme, 32, 32),
                HolderMacKey = Convert.ToHexString(scheme, 64, 32),
            },
            Cards = { new CardSpec { Uid = Convert.ToHexString(uid), CardNumber = cardNumber, ResidentId = residentId, Name = "Holder" } },
        };
        CryptographicOperations.ZeroMemory(scheme);
        _field.Place(CardDeck.FromFile(file).Cards[0]);
        WaitForCard();
    }

    /// <summary>The holder lifts the card and puts it back (a new transaction on the same card).</summary>
    public void PresentAgain()
    {
        VirtualMifareCard card = _field.Current ?? throw new InvalidOperationException("No card in the field.");
        _field.Lift();
        for (int i = 0; i < 200 && _core.State != ReaderState.Idle; i++)
        {
            Step();
        }

        _field.Place(card);
        WaitForCard();
    }

    /// <summary>Ask for the PIN; the holder types it on the keypad and presses Enter.</summary>
    public PinBlockResponse EnterPin(PinKeys keys)
    {
        ushort id = Send(new PinRequest());
        foreach (char key in keys.Presses())
        {
            _keypad.Type(key); // one char at a time: the digits never become a string
        }

        _keypad.Type('#');
        (FrameHeader _, byte[] payload) = AwaitResponse(id);
        return PinBlockResponse.Decode(payload, 0, payload.Length);
    }

    /// <summary>Send an authorize request and run until the reader answers it.</summary>
    public AuthorizeResponse Authorize(AuthorizeRequest request)
    {
        ushort id = Send(request);
        (FrameHeader _, byte[] payload) = AwaitResponse(id);
        return AuthorizeResponse.Decode(payload, 0, payload.Length);
    }

    /// <summary>Tell the reader the host holds every record up to <paramref name="counter"/>, freeing its journal.</summary>
    public void AcknowledgeJournal(uint counter)
    {
        ushort id = Send(new JournalAck { UpToCounter = counter });
        AwaitResponse(id);
    }

    /// <summary>A power cycle: the core restarts over the same flash (its answer cache is lost) and reads the card again.</summary>
    public void Reboot()
    {
        _core = Boot();
        WaitForCard();
    }

    private ReaderCore Boot()
    {
        var devices = new ReaderDevices
        {
            CardField = _field,
            KeypadPins = _keypad,
            KeypadLayout = KeypadLayout.Standard4x4(),
            Store = _flash,
            WallClock = new SimulatedWallClock(_clock),
            HostLink = _link,
            Feedback = new SimulatedFeedback(),
            Entropy = new SystemEntropy(),
            Hmac = new DotNetHmacSha256(),
            Aes = new DotNetAes128(),
            BoardName = "medcard-cli-in-process",
        };
        return new ReaderCore(devices, _options);
    }

    private void WaitForCard()
    {
        for (int i = 0; i < 500 && _core.State != ReaderState.CardReady; i++)
        {
            Step();
        }

        if (_core.State != ReaderState.CardReady)
        {
            throw new InvalidOperationException("The in-process reader did not read the card (state " + _core.State + ").");
        }
    }

    private ushort Send(IMessage request)
    {
        ushort id = _nextId++;
        int n = FrameEncoder.Encode(FrameHeader.Request(request.Type, id), request, _payload, _wire, 0);
        _link.HostWrite(_wire, 0, n);
        return id;
    }

    private (FrameHeader Header, byte[] Payload) AwaitResponse(ushort id)
    {
        // 60 s of reader time at most: a PIN entry takes well under one.
        for (int i = 0; i < 6000; i++)
        {
            Step();
            int at = _responses.FindIndex(r => r.Header.RequestId == id);
            if (at >= 0)
            {
                (FrameHeader header, byte[] payload) = _responses[at];
                _responses.RemoveAt(at);
                if (header.IsNack || header.IsError)
                {
                    throw new InvalidOperationException("The in-process reader refused request " + header.Type + " (" + header.Flags + ").");
                }

                return (header, payload);
            }
        }

        throw new TimeoutException("The in-process reader did not answer.");
    }

    /// <summary>One pass of the reader's main loop, then the host reads the line.</summary>
    private void Step()
    {
        _clock.NowMs += StepMs;
        _keypad.Step(_core.State == ReaderState.PinEntry);
        _core.Tick(_clock.NowMs);
        byte[] received = _link.HostTakeAll();
        _decoder.Feed(received, 0, received.Length);
    }

    void IFrameHandler.OnFrame(FrameHeader header, byte[] frame, int payloadOffset, int payloadLength)
    {
        if (header.IsResponse)
        {
            _responses.Add((header, frame.AsSpan(payloadOffset, payloadLength).ToArray()));
        }
        else if (MessageTypes.IsEvent(header.Type))
        {
            // Every event is answered with a bare ACK, as the host's link does.
            int n = FrameEncoder.EncodeAck(header, _wire, 0);
            _link.HostWrite(_wire, 0, n);
        }
    }

    void IFrameHandler.OnFrameDropped(FrameDropReason reason, int byteCount)
    {
    }
}
