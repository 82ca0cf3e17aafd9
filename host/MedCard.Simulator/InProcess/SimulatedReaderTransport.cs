using MedCard.Settlement.Files;
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using MedCard.Firmware.Keypad;
using MedCard.Firmware.Reader;
using MedCard.Host.Crypto;
using MedCard.Host.Transport;
using MedCard.Protocol;
using MedCard.Simulator.Cards;
using MedCard.Simulator.Hardware;

namespace MedCard.Simulator.InProcess;

/// <summary>
/// A simulated reader as a transport: the firmware's own <see cref="ReaderCore"/> on virtual hardware (card field,
/// keypad, the flash in a directory) on a manual clock, behind the same <see cref="IByteTransport"/> the host opens for a
/// serial port. A pump thread ticks the core 10 ms of reader time per step, as fast as there is work and every couple of
/// milliseconds when idle, so a PIN entry never waits for real time. The holder is scripted: <see cref="PlaceCard"/> puts
/// a card (personalised under the reader's scheme) in the field, <see cref="HolderTypes"/> the keys typed when the reader
/// asks for the PIN. <see cref="ReaderFault"/> plays one fault on the reader's first authorization answer.
/// The reader's flash is locked for the transport's lifetime: a second process gets <see cref="SimulatedReaderBusyException"/>.
/// </summary>
public sealed class SimulatedReaderTransport : IByteTransport
{
    private const int StepMs = 10;
    private const string LastAnswerFile = "host-last-answer";

    private readonly string _directory;
    private readonly FileStream _lock;
    private readonly ReaderFault _fault;
    private readonly ManualClock _clock = new();
    private readonly InProcessLink _link = new();
    private readonly VirtualCardField _field = new();
    private readonly VirtualKeypad _keypad;
    private readonly FileByteStore _flash;
    private readonly ReaderOptions _options = new();
    private readonly ConcurrentQueue<Action> _actions = new();
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly byte[] _scratch = new byte[FrameFormat.MaxPayloadSize];
    private readonly byte[] _wire = new byte[FrameFormat.MaxEncodedFrameSize];
    private readonly MemoryStream _frame = new();
    private Channel<byte[]> _toHost = Channel.CreateUnbounded<byte[]>();
    private byte[] _pending = [];
    private int _pendingAt;
    private char[] _pin = [];
    private bool _typedThisEntry;
    private bool _faultPlayed;
    private ReaderCore _core;
    private Thread? _pump;
    private volatile bool _running;
    private int _disposed;

    private SimulatedReaderTransport(string directory, FileStream held, ReaderFault fault)
    {
        _directory = directory;
        _lock = held;
        _fault = fault;
        ReaderTimings timings = _options.Timings;
        int shortest = timings.KeypadDebounceMs + (2 * timings.KeypadScanMs) + StepMs;
        _keypad = new VirtualKeypad(KeypadLayout.Standard4x4(), _clock, shortest, shortest);
        _flash = new FileByteStore(Path.Combine(directory, SimulatedReaderFlash.FlashFolder));
        _core = Boot();
    }

    /// <summary>
    /// Opens the provisioned simulated reader in <paramref name="directory"/> (see <see cref="SimulatedReaderFlash"/>) and
    /// takes its flash lock. Throws <see cref="SimulatedReaderBusyException"/> when another process holds it and
    /// <see cref="InvalidOperationException"/> when nothing was provisioned there.
    /// </summary>
    public static SimulatedReaderTransport Open(string directory, ReaderFault fault = ReaderFault.None)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!SimulatedReaderFlash.IsProvisioned(directory))
        {
            throw new InvalidOperationException("No simulated reader was provisioned in " + directory + ".");
        }

        FileStream held = SimulatedReaderFlash.Lock(directory);
        try
        {
            return new SimulatedReaderTransport(directory, held, fault);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public string Name => "simulated:" + _directory;

    /// <inheritdoc />
    public bool IsOpen => _running;

    /// <inheritdoc />
    public TransportCloseReason CloseReason { get; private set; }

    /// <summary>The reader's id from its flash (0 = not provisioned).</summary>
    public uint ReaderId => _core.Provisioning.ReaderId;

    /// <summary>True when an approved answer was seen before (what <see cref="ReaderFault.Replay"/> plays back).</summary>
    public bool HasAnswerToReplay => File.Exists(Path.Combine(_directory, LastAnswerFile));

    /// <summary>
    /// The simulated scheme's holder-data MAC key: the issuer's, which the reader never holds. A fresh copy for the host
    /// (the checkout's <c>CheckoutOptions.HolderMacKey</c>), so it verifies the MAC the reader forwards; the caller wipes it.
    /// </summary>
    public byte[] IssuerHolderMacKey()
    {
        byte[] scheme = File.ReadAllBytes(Path.Combine(_directory, SimulatedReaderFlash.SchemeFile));
        try
        {
            return scheme[64..96];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scheme);
        }
    }

    /// <summary>
    /// Puts a card in the field: a virtual MIFARE card with this UID and holder data, personalised under the reader's scheme.
    /// With <paramref name="forgerHolderMacKey"/> the holder data carries a MAC made with that key instead of the issuer's
    /// (a card rewritten by someone without the issuer's key): the reader reads it, the host must refuse it.
    /// </summary>
    public void PlaceCard(byte[] uid, string cardNumber, string residentId, byte[]? forgerHolderMacKey = null)
    {
        ArgumentNullException.ThrowIfNull(uid);
        byte[] scheme = File.ReadAllBytes(Path.Combine(_directory, SimulatedReaderFlash.SchemeFile));
        var file = new CardsFile
        {
            Scheme = new SchemeKeys
            {
                KeyAMasterKey = Convert.ToHexString(scheme, 0, 32), KeyBMasterKey = Convert.ToHexString(scheme, 32, 32),
                HolderMacKey = Convert.ToHexString(scheme, 64, 32),
            },
            Cards =
            {
                new CardSpec
                {
                    Uid = Convert.ToHexString(uid), CardNumber = cardNumber, ResidentId = residentId, Name = "Holder",
                    HolderMacKey = forgerHolderMacKey is null ? null : Convert.ToHexString(forgerHolderMacKey),
                },
            },
        };
        CryptographicOperations.ZeroMemory(scheme);
        VirtualMifareCard card = CardDeck.FromFile(file).Cards[0];
        _actions.Enqueue(() => _field.Place(card));
        _wake.Set();
    }

    /// <summary>The keys the holder types (then Enter) each time the reader asks for the PIN. Kept as characters and wiped on dispose.</summary>
    public void HolderTypes(ReadOnlySpan<char> keys)
    {
        char[] copy = keys.ToArray();
        _actions.Enqueue(() =>
        {
            Wipe(_pin);
            _pin = copy;
        });
        _wake.Set();
    }

    /// <inheritdoc />
    public Task OpenAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_running)
        {
            return Task.CompletedTask;
        }

        _toHost = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        CloseReason = TransportCloseReason.None;
        _running = true;
        _pump = new Thread(Pump) { IsBackground = true, Name = "simulated reader " + ReaderId };
        _pump.Start();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_pendingAt >= _pending.Length)
        {
            if (!await _toHost.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            if (_toHost.Reader.TryRead(out byte[]? next))
            {
                _pending = next;
                _pendingAt = 0;
            }
        }

        int n = Math.Min(buffer.Length, _pending.Length - _pendingAt);
        _pending.AsMemory(_pendingAt, n).CopyTo(buffer);
        _pendingAt += n;
        return n;
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (!_running)
        {
            throw new TransportClosedException(Name, CloseReason);
        }

        byte[] bytes = data.ToArray();
        _link.HostWrite(bytes, 0, bytes.Length);
        _wake.Set();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask CloseAsync()
    {
        if (_running)
        {
            _running = false;
            _wake.Set();
            _pump?.Join();
            CloseReason = TransportCloseReason.Local;
            _toHost.Writer.TryComplete();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Stops the reader and releases its flash lock.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await CloseAsync().ConfigureAwait(false);
        Wipe(_pin);
        _lock.Dispose();
        _wake.Dispose();
    }

    /// <summary>A core over <paramref name="flashDirectory"/> that is never ticked: to provision or read the flash.</summary>
    internal static ReaderCore BootIdle(string flashDirectory) =>
        new(Devices(new FileByteStore(flashDirectory), new ManualClock(), new InProcessLink(), new VirtualCardField(), null), new ReaderOptions());

    private ReaderCore Boot() => new(Devices(_flash, _clock, _link, _field, _keypad), _options);

    private static ReaderDevices Devices(FileByteStore store, ManualClock clock, InProcessLink link, VirtualCardField field, VirtualKeypad? keypad) => new()
    {
        CardField = field,
        KeypadPins = keypad ?? new VirtualKeypad(KeypadLayout.Standard4x4(), clock, 100, 100),
        KeypadLayout = KeypadLayout.Standard4x4(),
        Store = store,
        WallClock = new SimulatedWallClock(clock),
        HostLink = link,
        Feedback = new SimulatedFeedback(),
        Entropy = new SystemEntropy(),
        Hmac = new DotNetHmacSha256(),
        Aes = new DotNetAes128(),
        BoardName = "medcard-simulated-in-process",
    };

    private void Pump()
    {
        while (_running)
        {
            while (_actions.TryDequeue(out Action? action))
            {
                action();
            }

            _clock.NowMs += StepMs;
            bool inPinEntry = _core.State == ReaderState.PinEntry;
            if (inPinEntry && !_typedThisEntry)
            {
                // The holder types the PIN once per entry, one key at a time: the digits never become a string.
                _typedThisEntry = true;
                foreach (char key in _pin)
                {
                    _keypad.Type(key);
                }

                _keypad.Type('#');
            }
            else if (!inPinEntry)
            {
                _typedThisEntry = false;
            }

            _keypad.Step(inPinEntry);
            _core.Tick(_clock.NowMs);
            byte[] sent = _link.HostTakeAll();
            if (sent.Length > 0)
            {
                ToHost(sent);
            }

            bool busy = sent.Length > 0 || _link.BytesAvailable > 0 || _keypad.Pending > 0 || !_actions.IsEmpty
                || (_core.State != ReaderState.Idle && _core.State != ReaderState.CardReady);
            if (!busy)
            {
                _wake.Wait(2);
                _wake.Reset();
            }
        }
    }

    /// <summary>The reader's bytes towards the host, frame by frame, through the scripted fault.</summary>
    private void ToHost(byte[] bytes)
    {
        int start = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != FrameFormat.Delimiter)
            {
                continue;
            }

            _frame.Write(bytes, start, i + 1 - start);
            start = i + 1;
            byte[] frame = _frame.ToArray();
            _frame.SetLength(0);
            Deliver(frame);
        }

        _frame.Write(bytes, start, bytes.Length - start);
    }

    private void Deliver(byte[] frame)
    {
        var probe = new FrameProbe();
        new FrameDecoder(probe).Feed(frame, 0, frame.Length);
        bool approvedAnswer = probe.Header is { } header && header.IsResponse && header.Type == MessageType.AuthorizeResponse
            && probe.Payload is not null && AuthorizeResponse.TryDecode(probe.Payload, 0, probe.Payload.Length, out AuthorizeResponse? answer) == DecodeStatus.Ok
            && answer!.Status == AuthorizeStatus.Approved;
        if (!approvedAnswer)
        {
            _toHost.Writer.TryWrite(frame);
            return;
        }

        if (_fault == ReaderFault.None || _faultPlayed)
        {
            PrivateFiles.WriteAtomically(Path.Combine(_directory, LastAnswerFile), probe.Payload!);
            _toHost.Writer.TryWrite(frame);
            return;
        }

        _faultPlayed = true;
        AuthorizeResponse response = AuthorizeResponse.Decode(probe.Payload!, 0, probe.Payload!.Length);
        switch (_fault)
        {
            case ReaderFault.Forge:
                response.Record.CardUid[0] ^= 0x01; // a field the host's request binding does not cover: only the MAC catches it
                _toHost.Writer.TryWrite(Encode(probe.Header!.Value, response));
                break;
            case ReaderFault.Replay:
            {
                string path = Path.Combine(_directory, LastAnswerFile);
                byte[] old = File.Exists(path) ? File.ReadAllBytes(path) : probe.Payload!;
                _toHost.Writer.TryWrite(Encode(probe.Header!.Value, AuthorizeResponse.Decode(old, 0, old.Length)));
                break;
            }

            case ReaderFault.Resend:
                _toHost.Writer.TryWrite(frame);
                _toHost.Writer.TryWrite(frame);
                break;
            case ReaderFault.Lost:
                break;
            case ReaderFault.Resign:
                _core = Boot();
                break;
        }
    }

    private byte[] Encode(FrameHeader header, AuthorizeResponse response)
    {
        int n = FrameEncoder.Encode(header, response, _scratch, _wire, 0);
        return _wire.AsSpan(0, n).ToArray();
    }

    private static void Wipe(char[] keys) => Array.Clear(keys);

    /// <summary>Decodes one frame's header and payload.</summary>
    private sealed class FrameProbe : IFrameHandler
    {
        public FrameHeader? Header { get; private set; }

        public byte[]? Payload { get; private set; }

        public void OnFrame(FrameHeader header, byte[] frame, int payloadOffset, int payloadLength)
        {
            Header = header;
            Payload = frame.AsSpan(payloadOffset, payloadLength).ToArray();
        }

        public void OnFrameDropped(FrameDropReason reason, int byteCount)
        {
        }
    }
}
