using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Firmware.Keypad;
using MedCard.Firmware.Reader;
using MedCard.Host.Crypto;
using MedCard.Host.Transport;
using MedCard.Protocol;
using MedCard.Simulator.Cards;
using MedCard.Simulator.Hardware;
using MedCard.Simulator.Link;

namespace MedCard.Simulator;

/// <summary>
/// A reader on the desktop: the firmware's own <see cref="ReaderCore"/> driven by a poll-loop thread, over a
/// virtual card field, a virtual keypad, a directory-backed store and real clocks, with its UART on a real
/// pseudo-terminal (the host opens <see cref="DevicePath"/> like a serial port) or on TCP.
/// Start it with <see cref="StartAsync"/>; place and lift cards, type keys, wait for states; dispose to stop.
/// </summary>
public sealed class ReaderSimulator : IAsyncDisposable
{
    private readonly SimulatorOptions _options;
    private readonly ReaderOptions _readerOptions;
    private readonly ReaderDevices _devices;
    private readonly SimulatorLink _link;
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly ConcurrentQueue<Action<ReaderCore>> _work = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly string _storeDirectory;
    private readonly bool _deleteStore;
    private Thread? _loop;
    private ReaderCore? _core;
    private PseudoTerminal? _pty;
    private TcpListener? _listener;
    private Task? _acceptLoop;
    private IByteTransport? _tcpClient;
    private ReaderSnapshot _snapshot = ReaderSnapshot.Initial;
    private TaskCompletionSource _pulse = NewPulse();
    private int _boots;
    private Exception? _lastError;
    private int _disposed;

    private ReaderSimulator(SimulatorOptions options)
    {
        _options = options;
        Cards = options.Cards ?? CardDeck.Demo();
        _readerOptions = options.Reader ?? new ReaderOptions();
        _deleteStore = options.StoreDirectory is null;
        _storeDirectory = options.StoreDirectory ?? Path.Combine(Path.GetTempPath(), "medcard-sim-" + Guid.NewGuid().ToString("N"));
        Clock = new SystemMonotonicClock();
        Field = new VirtualCardField();
        // A press or a release shorter than the firmware's debounce plus two scan periods is not seen (or reads
        // as a chord), as on a real membrane: never let the virtual finger be faster than that.
        ReaderTimings timings = _readerOptions.Timings;
        int shortest = timings.KeypadDebounceMs + (2 * timings.KeypadScanMs) + 10;
        Keypad = new VirtualKeypad(options.KeypadLayout ?? KeypadLayout.Standard4x4(), Clock, Math.Max(options.KeyHoldMs, shortest),
            Math.Max(options.KeyGapMs, shortest));
        Feedback = new SimulatedFeedback();
        Store = new FileByteStore(_storeDirectory);
        _devices = new ReaderDevices
        {
            CardField = Field,
            KeypadPins = Keypad,
            KeypadLayout = options.KeypadLayout,
            Store = Store,
            WallClock = new SimulatedWallClock(Clock),
            Feedback = Feedback,
            Entropy = new SystemEntropy(),
            Hmac = new DotNetHmacSha256(),
            Aes = new DotNetAes128(),
            BoardName = options.BoardName,
        };
        _link = new SimulatorLink(options.Wire, options.Faults, () => _wake.Set());
        _devices.HostLink = _link;
    }

    /// <summary>What the host opens: the pty slave path ("/dev/pts/5") or "tcp://127.0.0.1:port".</summary>
    public string DevicePath { get; private set; } = "";

    /// <summary>The TCP port in TCP mode, otherwise null.</summary>
    public int? TcpPort { get; private set; }

    /// <summary>The cards this reader can be shown, and the scheme/reader keys they came with.</summary>
    public CardDeck Cards { get; }

    /// <summary>The antenna field (place and lift cards here or with <see cref="PlaceCard(string)"/>).</summary>
    internal VirtualCardField Field { get; }

    /// <summary>The keypad the virtual holder presses.</summary>
    internal VirtualKeypad Keypad { get; }

    /// <summary>LEDs and buzzer.</summary>
    internal SimulatedFeedback Feedback { get; }

    /// <summary>The reader's persistent files.</summary>
    internal FileByteStore Store { get; }

    /// <summary>The reader's monotonic clock.</summary>
    internal SystemMonotonicClock Clock { get; }

    /// <summary>The wire model in use.</summary>
    public WireModel Wire => _options.Wire;

    /// <summary>The latest published state.</summary>
    public ReaderSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Bytes received from the host (after injected faults).</summary>
    public long BytesFromHost => _link.BytesFromHost;

    /// <summary>Bytes sent to the host (after injected faults).</summary>
    public long BytesToHost => _link.BytesToHost;

    /// <summary>Bytes the reader sent while no host was connected (lost, as on a real line).</summary>
    public long BytesLost => _link.BytesLost;

    /// <summary>The last exception the firmware core threw (the simulator then reboots it, as the device app does).</summary>
    public Exception? LastError => Volatile.Read(ref _lastError);

    /// <summary>Raised on the poll thread whenever <see cref="Snapshot"/> changes; keep handlers short.</summary>
    public event EventHandler<ReaderSnapshot>? StateChanged;

    /// <summary>Start a simulator: boot the core, open the pty (or TCP listener), start the poll loop.</summary>
    public static async Task<ReaderSimulator> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var simulator = new ReaderSimulator(options ?? new SimulatorOptions());
        try
        {
            await simulator.OpenEndpointAsync(cancellationToken).ConfigureAwait(false);
            simulator._core = simulator.Boot(firstBoot: true);
            simulator.Publish();
            simulator._loop = new Thread(simulator.Run) { IsBackground = true, Name = "MedCard simulator poll loop" };
            simulator._loop.Start();
            return simulator;
        }
        catch
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Put the card with this label, card number or UID (hex) on the reader.</summary>
    public VirtualMifareCard PlaceCard(string labelOrNumber)
    {
        VirtualMifareCard card = Cards.Find(labelOrNumber);
        PlaceCard(card);
        return card;
    }

    /// <summary>Put a card on the reader.</summary>
    public void PlaceCard(VirtualMifareCard card)
    {
        Field.Place(card);
        _wake.Set();
    }

    /// <summary>Take the card off the reader.</summary>
    public void LiftCard()
    {
        Field.Lift();
        _wake.Set();
    }

    /// <summary>Queue keys for the virtual holder ("123456#"); they are pressed during PIN entry.</summary>
    public void TypeKeys(string keys)
    {
        Keypad.Type(keys);
        _wake.Set();
    }

    /// <summary>Run <paramref name="action"/> on the poll thread between two ticks (the core is not thread-safe).</summary>
    public Task<T> InvokeAsync<T>(Func<ReaderCore, T> action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Enqueue(core =>
        {
            try
            {
                done.TrySetResult(action(core));
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        });
        _wake.Set();
        if (Volatile.Read(ref _disposed) != 0)
        {
            done.TrySetException(new ObjectDisposedException(nameof(ReaderSimulator)));
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Power-cycle the reader: the core is rebuilt from the store (RAM state, caches and the session are lost).</summary>
    public Task RebootAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Enqueue(_ =>
        {
            try
            {
                _core = Boot(firstBoot: false);
                done.TrySetResult();
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        });
        _wake.Set();
        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Wait until a published snapshot satisfies <paramref name="condition"/>; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<ReaderSnapshot> WaitForAsync(Func<ReaderSnapshot, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Task pulse = Volatile.Read(ref _pulse).Task;
            ReaderSnapshot now = Snapshot;
            if (condition(now))
            {
                return now;
            }

            TimeSpan left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("The simulated reader did not reach the expected state within " + timeout.TotalSeconds + " s (now " + now + ").");
            }

            try
            {
                await pulse.WaitAsync(left, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // loop once more: the condition is re-checked and the timeout reported with the last state
            }
        }
    }

    /// <summary>Stop the poll loop, close the endpoint; deletes the store directory only if it was a temporary one.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        _wake.Set();
        if (_loop is not null && _loop.IsAlive && _loop != Thread.CurrentThread)
        {
            await Task.Run(() => _loop.Join()).ConfigureAwait(false);
        }

        _listener?.Stop();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }

        await _link.DisposeAsync().ConfigureAwait(false);
        if (_tcpClient is not null)
        {
            await _tcpClient.DisposeAsync().ConfigureAwait(false);
        }

        if (_pty is not null)
        {
            await _pty.DisposeAsync().ConfigureAwait(false);
        }

        while (_work.TryDequeue(out _))
        {
        }

        _stop.Dispose();
        if (_deleteStore)
        {
            try
            {
                Directory.Delete(_storeDirectory, recursive: true);
            }
            catch (IOException)
            {
                // best effort: a temporary directory left behind is harmless
            }
        }
    }

    /// <summary>The device path and the reader's state.</summary>
    public override string ToString() => "ReaderSimulator(" + DevicePath + ", " + Snapshot.State + ")";

    private async Task OpenEndpointAsync(CancellationToken cancellationToken)
    {
        if (_options.TcpPort is int port)
        {
            _listener = new TcpListener(IPAddress.Parse(_options.TcpBindAddress), port);
            _listener.Start(1);
            TcpPort = ((IPEndPoint)_listener.LocalEndpoint).Port;
            DevicePath = "tcp://" + _options.TcpBindAddress + ":" + TcpPort;
            _acceptLoop = Task.Run(AcceptLoopAsync, CancellationToken.None);
            return;
        }

        // The pty keeps its own slave open, so the master survives the host closing and reopening the port.
        _pty = new PseudoTerminal();
        await _pty.OpenAsync(cancellationToken).ConfigureAwait(false);
        DevicePath = _pty.SlavePath;
        _link.Attach(_pty);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            socket.NoDelay = true;
            IByteTransport? previous = Interlocked.Exchange(ref _tcpClient, TcpTransport.FromConnectedSocket(socket));
            _link.Attach(_tcpClient!);
            if (previous is not null)
            {
                // One host at a time, like a serial line: a new connection replaces the old one.
                await previous.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private ReaderCore Boot(bool firstBoot)
    {
        var core = new ReaderCore(_devices, _readerOptions);
        core.InstallCardKeysFromDropFile(); // what the device app does at every boot (a one-time drop file in the store)
        if (_options.FlashCardKeys && (core.Provisioning.CardKeys is null || firstBoot))
        {
            // What the device maker's app does at flashing time (and again if a factory wipe removed them).
            // Only the key-A master: the issuer's key-B master and holder-data MAC key never go to a reader.
            byte[] master = (byte[])Cards.KeyAMasterKey.Clone();
            core.InstallCardKeys(master);
            ConstantTime.Wipe(master);
        }

        if (firstBoot && Cards.ReaderId != 0 && !core.Provisioning.IsProvisioned)
        {
            byte[] key = (byte[])Cards.ReaderKey!.Clone();
            core.Provisioning.Provision(Cards.ReaderId, key);
            ConstantTime.Wipe(key);
        }

        Interlocked.Increment(ref _boots);
        return core;
    }

    private void Run()
    {
        CancellationToken stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            // Reset before the work, so a wake-up posted while we work makes the next wait return at once.
            _wake.Reset();
            while (_work.TryDequeue(out Action<ReaderCore>? item))
            {
                item(_core!);
            }

            ReaderCore core = _core!;
            ReaderState before = core.State;
            try
            {
                Keypad.Armed = before == ReaderState.PinEntry;
                Keypad.Advance();
                core.Tick(Clock.NowMs);
                if (core.RebootRequested)
                {
                    _core = Boot(firstBoot: false);
                }
                else if (_options.AutoTypePin && core.State == ReaderState.PinEntry && before != ReaderState.PinEntry && Keypad.Pending == 0
                    && Field.Current?.HolderPin is string pin)
                {
                    Keypad.Type(pin + "#");
                }
            }
            catch (Exception e)
            {
                // The device app reboots after a failure it cannot handle; so does the simulator.
                Volatile.Write(ref _lastError, e);
                RebootAfterFailure();
            }

            Publish();
            Sleep();
        }
    }

    private void RebootAfterFailure()
    {
        try
        {
            _core = Boot(firstBoot: false);
        }
        catch (Exception e)
        {
            // The store itself fails (disk full, directory removed): keep the old core, retry after a pause.
            Volatile.Write(ref _lastError, e);
            _wake.Wait(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Block until there is something to do: short while the keypad is scanned, until the wire delivers, or 10 ms idle.</summary>
    private void Sleep()
    {
        ReaderState state = _core!.State;
        long now = Stopwatch.GetTimestamp();
        long readyAt = _link.AllReadyAt();
        double ms = state == ReaderState.PinEntry ? 2 : 10;
        if (readyAt > now)
        {
            double untilReady = Stopwatch.GetElapsedTime(now, readyAt).TotalMilliseconds;
            if (untilReady < 1.5)
            {
                PreciseWait.Spin(readyAt);
                return;
            }

            ms = Math.Min(ms, untilReady - 1);
        }

        _wake.Wait(TimeSpan.FromMilliseconds(ms));
    }

    private void Publish()
    {
        ReaderCore core = _core!;
        var next = new ReaderSnapshot(core.State, core.CardPresent, core.Holder.CardNumber, core.Provisioning.ReaderId, core.Counter.Last,
            core.Journal.Count, core.PinDigitCount, Volatile.Read(ref _boots), _link.HasHost);
        if (next == Volatile.Read(ref _snapshot))
        {
            return;
        }

        Volatile.Write(ref _snapshot, next);
        TaskCompletionSource previous = Interlocked.Exchange(ref _pulse, NewPulse());
        previous.TrySetResult();
        StateChanged?.Invoke(this, next);
    }

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
