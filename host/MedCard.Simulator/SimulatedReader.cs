using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Firmware.Card;
using MedCard.Firmware.Hardware;
using MedCard.Firmware.Keypad;
using MedCard.Firmware.Reader;
using MedCard.Host.Crypto;
using MedCard.Host.Transport;
using MedCard.Simulator.Card;
using MedCard.Simulator.Devices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedCard.Simulator
{
    /// <summary>
    /// The firmware's portable core (<see cref="ReaderCore"/>) running on desktop .NET with virtual
    /// hardware, serving the host link on a pseudo-terminal (<see cref="DevicePath"/>, open it with
    /// PosixSerialPort) or on TCP. All core calls happen on one tick thread, as on the device.
    /// </summary>
    public sealed class SimulatedReader : IAsyncDisposable
    {
        private readonly SimulatorOptions _options;
        private readonly ILogger _logger;
        private readonly IByteStore _store;
        private readonly Dictionary<string, VirtualMifareCard> _cards = new Dictionary<string, VirtualMifareCard>(StringComparer.Ordinal);
        private readonly object _coreGate = new object();
        private IByteTransport? _transport;
        private TransportHostLink? _hostLink;
        private ReaderCore? _core;
        private Thread? _tickThread;
        private volatile bool _stopping;
        private TcpListener? _listener;

        private SimulatedReader(SimulatorOptions options, ILoggerFactory? loggerFactory)
        {
            _options = options;
            _logger = loggerFactory?.CreateLogger<SimulatedReader>() ?? (ILogger)NullLogger.Instance;
            _store = options.StoreDirectory is null ? new MemoryByteStore() : new FileByteStore(options.StoreDirectory);
            Field = new VirtualCardField();
            Keypad = new VirtualKeypad(options.FourByThreeKeypad ? KeypadLayout.Standard4x3() : KeypadLayout.Standard4x4());
            Feedback = new LoggingFeedback(_logger);
        }

        /// <summary>The pty slave path the host opens (pty mode), or "tcp://127.0.0.1:port".</summary>
        public string DevicePath { get; private set; } = "";

        public VirtualCardField Field { get; }

        public VirtualKeypad Keypad { get; }

        public LoggingFeedback Feedback { get; }

        /// <summary>Bytes the reader wrote to the host so far.</summary>
        public long BytesToHost => _hostLink?.BytesWritten ?? 0;

        /// <summary>Starts a reader serving the link on a new pseudo-terminal.</summary>
        public static async Task<SimulatedReader> StartOnPseudoTerminalAsync(SimulatorOptions options, ILoggerFactory? loggerFactory = null)
        {
            var reader = new SimulatedReader(options, loggerFactory);
            var pty = new PseudoTerminal();
            await pty.OpenAsync().ConfigureAwait(false);
            reader.DevicePath = pty.SlavePath;
            reader.Boot(pty);
            return reader;
        }

        /// <summary>Starts a reader serving the link on TCP (one host connection at a time; 0 = any free port).</summary>
        public static async Task<SimulatedReader> StartOnTcpAsync(SimulatorOptions options, int port, ILoggerFactory? loggerFactory = null)
        {
            var reader = new SimulatedReader(options, loggerFactory);
            reader._listener = new TcpListener(IPAddress.Loopback, port);
            reader._listener.Start();
            int bound = ((IPEndPoint)reader._listener.LocalEndpoint).Port;
            reader.DevicePath = "tcp://127.0.0.1:" + bound;
            Socket first = await reader._listener.AcceptSocketAsync().ConfigureAwait(false);
            reader.Boot(TcpTransport.FromConnectedSocket(first));
            return reader;
        }

        /// <summary>Runs an action against the core on the tick thread's lock (inspection in tests).</summary>
        public T Inspect<T>(Func<ReaderCore, T> read)
        {
            lock (_coreGate)
            {
                return read(_core!);
            }
        }

        /// <summary>Puts the card on the antenna, personalising it on first use (like an issuer station).</summary>
        public void PresentCard(CardDefinition definition)
        {
            ArgumentNullException.ThrowIfNull(definition);
            if (!_cards.TryGetValue(definition.CardNumber, out VirtualMifareCard? card))
            {
                card = new VirtualMifareCard(definition.UidBytes());
                if (!definition.Blank)
                {
                    Personalise(card, definition);
                }
                _cards[definition.CardNumber] = card;
            }
            Field.Present(card);
        }

        public void RemoveCard() => Field.Remove();

        /// <summary>Queues keypad presses, e.g. "123456#".</summary>
        public void TypeKeys(string keys) => Keypad.Type(keys);

        /// <summary>
        /// Power-cycles the reader: a new core over the same store (counter, journal, keys survive; the
        /// RAM answer cache does not). The link stays open, as the USB adapter would.
        /// </summary>
        public void Reboot()
        {
            lock (_coreGate)
            {
                _core = CreateCore(_hostLink!);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _stopping = true;
            _tickThread?.Join();
            if (_hostLink is not null)
            {
                await _hostLink.DisposeAsync().ConfigureAwait(false);
            }
            if (_transport is not null)
            {
                await _transport.DisposeAsync().ConfigureAwait(false);
            }
            _listener?.Stop();
        }

        private void Boot(IByteTransport transport)
        {
            _transport = transport;
            _hostLink = new TransportHostLink(transport);
            _core = CreateCore(_hostLink);
            _tickThread = new Thread(TickLoop) { IsBackground = true, Name = "MedCard simulator tick" };
            _tickThread.Start();
            _logger.LogInformation("Simulated reader on {Device}", DevicePath);
        }

        private ReaderCore CreateCore(IHostLink link)
        {
            var devices = new ReaderDevices
            {
                CardField = Field,
                KeypadPins = Keypad,
                KeypadLayout = Keypad.Layout,
                Store = _store,
                WallClock = new SimulatorWallClock(),
                HostLink = link,
                Feedback = Feedback,
                Entropy = new CryptoEntropy(),
                Hmac = new DotNetHmacSha256(),
                Aes = new DotNetAes128(),
                BoardName = _options.BoardName,
            };
            var core = new ReaderCore(devices, new ReaderOptions { Timings = _options.Timings });
            if (core.Provisioning.CardKeys is null)
            {
                core.InstallCardKeys((byte[])_options.SectorMasterKey.Clone(), (byte[])_options.IssuerKey.Clone());
            }
            if (_options.ReaderId != 0 && !core.Provisioning.IsProvisioned)
            {
                core.Provisioning.Provision(_options.ReaderId, (byte[])(_options.ReaderKey ?? throw new ArgumentException("ReaderKey is required with ReaderId")).Clone());
            }
            return core;
        }

        private void TickLoop()
        {
            var clock = Stopwatch.StartNew();
            while (!_stopping)
            {
                long now = clock.ElapsedMilliseconds;
                lock (_coreGate)
                {
                    Keypad.Advance(now);
                    _core!.Tick(now);
                }
                Thread.Sleep(_options.TickPeriod);
            }
        }

        private void Personalise(VirtualMifareCard card, CardDefinition definition)
        {
            // An issuer station: its own field with this one card on it.
            var station = new VirtualCardField();
            station.Present(card);
            var detected = new DetectedCard();
            if (!station.TryDetect(detected))
            {
                throw new InvalidOperationException("The issuer station does not see the card.");
            }
            var data = new HolderData();
            data.Set(definition.ResidentId, Encoding.UTF8.GetBytes(definition.Name), definition.Gender, definition.CardNumber);
            var keys = new CardKeys((byte[])_options.SectorMasterKey.Clone(), (byte[])_options.IssuerKey.Clone());
            PersonaliseStatus status = new CardPersonaliser(station, new DotNetHmacSha256(), keys).Personalise(detected, data, CardPersonaliser.FactoryTransportKey);
            if (status != PersonaliseStatus.Ok)
            {
                throw new InvalidOperationException("Personalising card " + definition.CardNumber + " failed: " + status);
            }
        }
    }
}
