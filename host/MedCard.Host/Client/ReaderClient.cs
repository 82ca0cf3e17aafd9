using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using MedCard.Host.Diagnostics;
using MedCard.Host.Link;
using MedCard.Host.Pin;
using MedCard.Host.Transport;
using MedCard.Host.Verification;
using MedCard.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedCard.Host.Client
{
    /// <summary>
    /// The API integrators call: one connected reader. Every call is async, takes a CancellationToken
    /// and is bounded by a timeout. Every signed record that reaches the host, whichever path brought
    /// it (authorization, journal recovery, resync after a reconnect), goes through the
    /// <see cref="RecordVerifier"/> and is reported once through <see cref="RecordAccepted"/>.
    /// </summary>
    public sealed class ReaderClient : IAsyncDisposable
    {
        private readonly ReaderLink _link;
        private readonly ReaderClientOptions _options;
        private readonly RecordVerifier _verifier;
        private readonly PinBlockOpener _pinOpener;
        private readonly ILogger _logger;
        private readonly CancellationTokenSource _life = new CancellationTokenSource();
        private readonly List<Channel<CardEvent>> _subscribers = new List<Channel<CardEvent>>();
        private readonly SemaphoreSlim _journalGate = new SemaphoreSlim(1, 1);
        private Task? _eventPump;

        private ReaderClient(ReaderLink link, ReaderClientOptions options)
        {
            _link = link;
            _options = options;
            _logger = options.LoggerFactory?.CreateLogger<ReaderClient>() ?? (ILogger)NullLogger.Instance;
            _verifier = new RecordVerifier(options.Keys, options.Chain, options.Hmac, options.LoggerFactory?.CreateLogger<RecordVerifier>());
            _pinOpener = new PinBlockOpener(options.Keys, options.Hmac, options.Aes);
        }

        /// <summary>The reader's id from the last Hello (0 = not provisioned).</summary>
        public uint ReaderId => _link.Capabilities?.ReaderId ?? 0;

        /// <summary>What the reader announced in its handshake; null before the first handshake.</summary>
        public Capabilities? Capabilities => _link.Capabilities;

        /// <summary>The link's state: connecting, connected, reconnecting or closed.</summary>
        public LinkState LinkState => _link.State;

        /// <summary>Frame, byte, resend and reconnect counts of this client's link.</summary>
        public LinkStatistics Statistics => _link.Statistics;

        /// <summary>The protocol layer underneath, for diagnostics.</summary>
        internal ReaderLink Link => _link;

        /// <summary>The card in the field as far as the events tell (null after CardRemoved, or before any event).</summary>
        public CardEvent? CurrentCard => Volatile.Read(ref _currentCard);

        private CardEvent? _currentCard;

        private int _warnedUnverified;

        /// <summary>
        /// Returns the card in the field, waiting for one to be presented if there is none. Bounded by
        /// <paramref name="timeout"/> (TimeoutException) and the token.
        /// </summary>
        public async Task<CardEvent> WaitForCardAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _life.Token);
            budget.CancelAfter(timeout);
            // Subscribe first, then look at the current card, so a presentation in between is not missed.
            Channel<CardEvent> channel = Subscribe();
            try
            {
                if (CurrentCard is { IsPresent: true } current)
                {
                    return current;
                }
                while (true)
                {
                    CardEvent item = await channel.Reader.ReadAsync(budget.Token).ConfigureAwait(false);
                    if (item.IsPresent)
                    {
                        return item;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_life.IsCancellationRequested)
            {
                throw new TimeoutException("No card was presented within " + timeout.TotalSeconds + " s.");
            }
            catch (OperationCanceledException) when (_life.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new ReaderLinkClosedException("The client was disposed while waiting for a card.");
            }
            finally
            {
                Unsubscribe(channel);
            }
        }

        private Channel<CardEvent> Subscribe()
        {
            var channel = Channel.CreateUnbounded<CardEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            lock (_subscribers)
            {
                _subscribers.Add(channel);
            }
            return channel;
        }

        private void Unsubscribe(Channel<CardEvent> channel)
        {
            lock (_subscribers)
            {
                _subscribers.Remove(channel);
            }
        }

        /// <summary>A card entered or left the field. Raised on a background thread.</summary>
        public event EventHandler<CardEvent>? CardChanged;

        /// <summary>
        /// A record was verified and counted for the first time. Raised once per record, after the chain
        /// store advanced: a notification. Make <see cref="IRecordChainStore.TryAdvanceAsync"/> the durable
        /// write (same database transaction as your ledger posting) so a crash cannot lose a record.
        /// </summary>
        public event EventHandler<RecordCheck>? RecordAccepted;

        /// <summary>A record was refused (forged, replayed, broken chain...). For alerting.</summary>
        public event EventHandler<RecordCheck>? RecordRefused;

        /// <summary>
        /// Opens <paramref name="transport"/>, greets the reader and starts listening for card events.
        /// Throws <see cref="TransportException"/> with the reason (missing device, permission, busy).
        /// </summary>
        public static async Task<ReaderClient> ConnectAsync(IByteTransport transport, ReaderClientOptions options, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(transport);
            ArgumentNullException.ThrowIfNull(options);
            ILogger linkLogger = options.LoggerFactory?.CreateLogger<ReaderLink>() ?? (ILogger)NullLogger.Instance;
            var link = new ReaderLink(transport, options.Link with { Time = options.Time }, linkLogger, options.Trace);
            var client = new ReaderClient(link, options);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.CallTimeout);
                await link.StartAsync(timeout.Token).ConfigureAwait(false);
            }
            catch
            {
                await link.DisposeAsync().ConfigureAwait(false);
                throw;
            }
            link.Reconnected += client.OnReconnected;
            client._eventPump = Task.Run(client.PumpEventsAsync);
            return client;
        }

        /// <summary>Card presented/removed events as an async stream, from now on, until cancelled or disposed.</summary>
        public async IAsyncEnumerable<CardEvent> CardEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Channel<CardEvent> channel = Subscribe();
            try
            {
                using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _life.Token);
                while (true)
                {
                    CardEvent item;
                    try
                    {
                        if (!await channel.Reader.WaitToReadAsync(both.Token).ConfigureAwait(false))
                        {
                            yield break;
                        }
                        if (!channel.Reader.TryRead(out CardEvent? next))
                        {
                            continue;
                        }
                        item = next;
                    }
                    catch (OperationCanceledException) when (_life.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                    {
                        yield break;
                    }
                    yield return item;
                }
            }
            finally
            {
                Unsubscribe(channel);
            }
        }

        /// <summary>
        /// Has the holder type the PIN on the reader, deciphers the PIN block and hands the digits to
        /// <paramref name="verifier"/>. The PIN never becomes a string and never reaches a log.
        /// </summary>
        public Task<PinOutcome> RequestPinAsync(string cardNumber, IPinVerifier verifier, PinEntryOptions? entry = null, CancellationToken cancellationToken = default) =>
            TracedAsync("medcard.reader.pin", ct => RequestPinCoreAsync(cardNumber, verifier, entry, ct), outcome => outcome.ToString(), null, cancellationToken);

        private async Task<PinOutcome> RequestPinCoreAsync(string cardNumber, IPinVerifier verifier, PinEntryOptions? entry, CancellationToken cancellationToken)
        {
            ArgumentException.ThrowIfNullOrEmpty(cardNumber);
            ArgumentNullException.ThrowIfNull(verifier);
            entry ??= PinEntryOptions.Default;
            var request = new PinRequest
            {
                MinLength = entry.MinLength,
                MaxLength = entry.MaxLength,
                TriesRemaining = entry.TriesRemaining,
                TimeoutSeconds = entry.TimeoutSeconds,
            };
            // The reader answers when entry ends: an attempt must outlast the holder's typing.
            TimeSpan attempt = TimeSpan.FromSeconds(entry.TimeoutSeconds) + _options.PinAnswerMargin;
            ReceivedFrame frame = await _link.RequestAsync(request, attempt * 2 + _options.CallTimeout, cancellationToken, attempt).ConfigureAwait(false);
            PinBlockResponse response;
            try
            {
                response = PinBlockResponse.Decode(frame.Payload, 0, frame.Payload.Length);
            }
            finally
            {
                frame.Wipe();
            }
            switch (response.Status)
            {
                case PinEntryStatus.Entered:
                    break;
                case PinEntryStatus.Cancelled:
                    return PinOutcome.Cancelled;
                case PinEntryStatus.Timeout:
                    return PinOutcome.TimedOut;
                case PinEntryStatus.Hotlisted:
                    return PinOutcome.Hotlisted;
                case PinEntryStatus.NotProvisioned:
                    return PinOutcome.UnknownReader;
                default:
                    return PinOutcome.NoCard;
            }
            uint readerId = ReaderId;
            ChainPosition position = await _options.Chain.GetAsync(readerId, cancellationToken).ConfigureAwait(false);
            if (response.KeyCounter <= position.Counter)
            {
                // The key counter is the counter of the record about to be signed: one at or below the
                // last accepted record belongs to an old transaction, so this block is a replay.
                ConstantTime.Wipe(response.PinBlock);
                _logger.LogWarning("PIN block from reader {ReaderId} refused: key counter {KeyCounter} not above {Counter}", readerId, response.KeyCounter, position.Counter);
                return PinOutcome.StaleBlock;
            }
            PinOutcome outcome = await _pinOpener.OpenAndVerifyAsync(readerId, response.KeyCounter, response.PinBlock, cardNumber, verifier, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("PIN entry on reader {ReaderId}: {Outcome}", readerId, outcome);
            return outcome;
        }

        /// <summary>
        /// Asks the reader to sign a transaction for the card in the field and verifies the record.
        /// A resend after silence or a reconnect reuses the request id, so the reader answers from its
        /// cache and never signs twice; if records are missing in between, they are read from the
        /// journal and verified first.
        /// </summary>
        public Task<AuthorizationResult> AuthorizeAsync(string cardNumber, long amount, TransactionType type, CancellationToken cancellationToken = default) =>
            TracedAsync("medcard.reader.authorize", ct => AuthorizeCoreAsync(cardNumber, amount, type, ct), OutcomeOf, HostTelemetry.Authorize, cancellationToken);

        /// <summary>Approved and counted, the host's verdict when it refused a signed record, else the reader's status.</summary>
        private static string OutcomeOf(AuthorizationResult result) =>
            result.IsApproved ? AuthorizeStatus.Approved.ToString() : result.Check?.Verdict.ToString() ?? result.Status.ToString();

        private async Task<AuthorizationResult> AuthorizeCoreAsync(string cardNumber, long amount, TransactionType type, CancellationToken cancellationToken)
        {
            ArgumentException.ThrowIfNullOrEmpty(cardNumber);
            byte[] nonce = new byte[SignedRecord.NonceLength];
            _options.NonceSource(nonce);
            var request = new AuthorizeRequest
            {
                Amount = amount,
                TransactionType = type,
                HostNonce = nonce,
                Time = (uint)_options.Time.GetUtcNow().ToUnixTimeSeconds(),
                CardNumber = cardNumber,
            };
            if (!request.HasValidFields())
            {
                throw new ArgumentException("The amount, type or card number does not fit an authorization (see TransactionTypes.IsAmountAllowed).");
            }
            if (_options.HolderMac is not null && CurrentCard is { IsPresent: true, HolderVerified: false })
            {
                // The card in the field failed the issuer MAC (or carries no holder data): the reader cannot tell a
                // forged card from a genuine one, the host can, so nothing is sent for signing.
                _logger.LogWarning("Authorization refused: the card in the field did not pass the holder MAC check");
                return new AuthorizationResult(AuthorizeStatus.CardMismatch, null, Array.Empty<RecordCheck>());
            }
            for (int round = 0; ; round++)
            {
                ReceivedFrame frame = await _link.RequestAsync(request, _options.AuthorizeTimeout, cancellationToken, _options.FlashWriteAttemptTimeout).ConfigureAwait(false);
                AuthorizeResponse response = AuthorizeResponse.Decode(frame.Payload, 0, frame.Payload.Length);
                if (response.Status == AuthorizeStatus.JournalFull && round == 0)
                {
                    // Records the host already holds are still journaled: acknowledge them and retry once
                    // (a new request id: the refusal signed nothing).
                    await SyncJournalAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (response.Status != AuthorizeStatus.Approved)
                {
                    _logger.LogInformation("Reader {ReaderId} refused to sign: {Status}", ReaderId, response.Status);
                    return new AuthorizationResult(response.Status, null, Array.Empty<RecordCheck>());
                }
                SignedRecord record = response.Record;
                if (!BindsTo(record, request))
                {
                    // Genuine or not, a record that does not carry this request's nonce, amount, type
                    // and card is not the answer to it (a replayed answer).
                    var refused = new RecordCheck(record, RecordVerdict.Replayed, 0, 0, "the record does not carry this request's nonce, amount, type and card.");
                    _logger.LogWarning("Record refused: {Check}", refused.ToString());
                    Notify(refused);
                    return new AuthorizationResult(response.Status, refused, Array.Empty<RecordCheck>());
                }
                var recovered = new List<RecordCheck>();
                RecordCheck check = await AcceptAsync(record, cancellationToken).ConfigureAwait(false);
                if (check.Verdict == RecordVerdict.MissingRecords)
                {
                    JournalSyncResult sync = await ReadJournalAsync(check.GapFrom, check.GapTo, acknowledge: false, cancellationToken).ConfigureAwait(false);
                    recovered.AddRange(sync.Checks);
                    check = await AcceptAsync(record, cancellationToken).ConfigureAwait(false);
                }
                return new AuthorizationResult(response.Status, check, recovered);
            }
        }

        /// <summary>
        /// Reads every journaled record after the last accepted one, verifies and counts the new ones,
        /// then tells the reader it may prune up to the last accepted counter.
        /// </summary>
        public Task<JournalSyncResult> SyncJournalAsync(CancellationToken cancellationToken = default) =>
            TracedAsync("medcard.reader.journal.sync", ct => ReadJournalCoreAsync(null, JournalRead.Latest, acknowledge: true, ct), JournalOutcome, null, cancellationToken);

        /// <summary>
        /// Reads the journal range [from, to] (chunked), verifying and counting new records in order.
        /// Records below the last accepted counter are already held and skipped (a journal read that
        /// overlaps another is normal, not a replay).
        /// </summary>
        public Task<JournalSyncResult> ReadJournalAsync(uint fromCounter, uint toCounter, bool acknowledge, CancellationToken cancellationToken = default) =>
            TracedAsync("medcard.reader.journal.read", ct => ReadJournalCoreAsync(fromCounter, toCounter, acknowledge, ct), JournalOutcome, null, cancellationToken);

        private static string JournalOutcome(JournalSyncResult result) => result.Checks.Count + " record(s)";

        /// <summary><paramref name="fromCounter"/> null = from the last accepted counter + 1, decided once the journal gate is held.</summary>
        private async Task<JournalSyncResult> ReadJournalCoreAsync(uint? fromCounter, uint toCounter, bool acknowledge, CancellationToken cancellationToken)
        {
            await _journalGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var checks = new List<RecordCheck>();
                uint latest = 0;
                uint from = fromCounter ?? (await _options.Chain.GetAsync(ReaderId, cancellationToken).ConfigureAwait(false)).Counter + 1;
                uint next = Math.Max(1u, from);
                while (next != 0 && next <= toCounter)
                {
                    ReceivedFrame frame = await _link.RequestAsync(new JournalRead { FromCounter = next, ToCounter = toCounter }, _options.CallTimeout, cancellationToken)
                        .ConfigureAwait(false);
                    JournalRecords chunk = JournalRecords.Decode(frame.Payload, 0, frame.Payload.Length);
                    latest = chunk.LatestCounter;
                    foreach (SignedRecord record in chunk.Records ?? Array.Empty<SignedRecord>())
                    {
                        ChainPosition held = await _options.Chain.GetAsync(ReaderId, cancellationToken).ConfigureAwait(false);
                        if (record.ReaderId == ReaderId && record.Counter < held.Counter)
                        {
                            continue;
                        }
                        checks.Add(await AcceptAsync(record, cancellationToken).ConfigureAwait(false));
                    }
                    if (chunk.NextCounter != 0 && chunk.NextCounter <= next)
                    {
                        throw new ReaderErrorException(MessageType.JournalRead, ErrorCode.Internal);
                    }
                    next = chunk.NextCounter;
                }
                uint acknowledged = 0;
                if (acknowledge)
                {
                    ChainPosition position = await _options.Chain.GetAsync(ReaderId, cancellationToken).ConfigureAwait(false);
                    if (position.Counter > 0)
                    {
                        await _link.RequestAsync(new JournalAck { UpToCounter = position.Counter }, _options.CallTimeout, cancellationToken).ConfigureAwait(false);
                        acknowledged = position.Counter;
                    }
                }
                return new JournalSyncResult(checks, latest, acknowledged);
            }
            finally
            {
                _journalGate.Release();
            }
        }

        /// <summary>
        /// Tells the reader it may prune its journal up to <paramref name="upToCounter"/>: call it only with a counter whose
        /// record, and every record before it, is durably filed (settled or voided) by the host. A checkout acknowledges its
        /// ledger's position, never the in-memory chain, so a record signed but not yet filed stays in the journal.
        /// </summary>
        public Task AcknowledgeJournalAsync(uint upToCounter, CancellationToken cancellationToken = default) =>
            TracedAsync("medcard.reader.journal.ack", async ct =>
            {
                await AcknowledgeJournalCoreAsync(upToCounter, ct).ConfigureAwait(false);
                return upToCounter;
            }, _ => "acknowledged", null, cancellationToken);

        private async Task AcknowledgeJournalCoreAsync(uint upToCounter, CancellationToken cancellationToken)
        {
            if (upToCounter == 0)
            {
                return;
            }
            await _journalGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _link.RequestAsync(new JournalAck { UpToCounter = upToCounter }, _options.CallTimeout, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _journalGate.Release();
            }
        }

        /// <summary>
        /// Sends hotlist <paramref name="version"/> (lost cards by number and by UID) to the reader, chunk by
        /// chunk; the reader switches to it atomically after the last chunk. Returns the last HotlistAck:
        /// Activated on success, Stale if the reader already has this version or a newer one, Full or
        /// StorageFailure if it could not store it (its previous list stays in force).
        /// </summary>
        public Task<HotlistAck> PushHotlistAsync(uint version, IReadOnlyList<string> cardNumbers, IReadOnlyList<byte[]> uids, CancellationToken cancellationToken = default) =>
            TracedAsync("medcard.reader.hotlist.push", ct => PushHotlistCoreAsync(version, cardNumbers, uids, ct), ack => ack.Status.ToString(), null, cancellationToken);

        private async Task<HotlistAck> PushHotlistCoreAsync(uint version, IReadOnlyList<string> cardNumbers, IReadOnlyList<byte[]> uids, CancellationToken cancellationToken)
        {
            IReadOnlyList<HotlistUpdate> chunks = HotlistChunker.Split(version, cardNumbers, uids, _options.Hmac);
            int index = 0;
            int restarts = 0;
            while (true)
            {
                ReceivedFrame frame = await _link.RequestAsync(chunks[index], _options.CallTimeout, cancellationToken, _options.FlashWriteAttemptTimeout).ConfigureAwait(false);
                HotlistAck ack = HotlistAck.Decode(frame.Payload, 0, frame.Payload.Length);
                switch (ack.Status)
                {
                    case HotlistStatus.ChunkStored when index + 1 < chunks.Count:
                        index++;
                        continue;
                    case HotlistStatus.OutOfOrder when ack.StagingVersion == version && ack.NextChunk < chunks.Count && restarts++ < chunks.Count:
                        index = ack.NextChunk;
                        continue;
                    case HotlistStatus.OutOfOrder when restarts++ < chunks.Count:
                        // The reader stages another version (or none): start this one from chunk 0.
                        index = 0;
                        continue;
                    default:
                        _logger.LogInformation("Hotlist version {Version} on reader {ReaderId}: {Status}, active version {Active} ({Entries} entries)",
                            version, ReaderId, ack.Status, ack.ActiveVersion, ack.ActiveEntries);
                        return ack;
                }
            }
        }

        /// <summary>Asks the reader for its status: flags, record counter, journal fill, hotlist version and age, line counters.</summary>
        public Task<StatusResponse> GetStatusAsync(CancellationToken cancellationToken = default) =>
            TracedAsync("medcard.reader.status", async ct =>
            {
                ReceivedFrame frame = await _link.RequestAsync(new StatusRequest(), _options.CallTimeout, ct).ConfigureAwait(false);
                return StatusResponse.Decode(frame.Payload, 0, frame.Payload.Length);
            }, status => status.Flags.ToString(), null, cancellationToken);

        /// <summary>
        /// Reboots the reader (<see cref="ResetMode.Reboot"/>: key, counter, journal and hotlist are kept) or wipes it
        /// (<see cref="ResetMode.FactoryWipe"/>: key, card keys, journal and hotlist are erased, the counter is kept, and the reader comes
        /// back unprovisioned). A wipe names the reader this client greeted, so the reader refuses it
        /// (<see cref="ReaderErrorException"/> InvalidState) if another reader answers by now. The reader acknowledges before it
        /// acts, so the link goes quiet and reconnects (or ends) afterwards. A wipe erases journaled records the host has not
        /// filed: recover the journal first (the checkout library's <c>ReaderAdministration.FactoryWipeAsync</c> does).
        /// </summary>
        public Task ResetAsync(ResetMode mode, CancellationToken cancellationToken = default) =>
            TracedAsync("medcard.reader.reset", async ct =>
            {
                var message = new Reset { Mode = mode, ConfirmReaderId = mode == ResetMode.FactoryWipe ? ReaderId : 0 };
                await _link.RequestAsync(message, _options.CallTimeout, ct, _options.FlashWriteAttemptTimeout).ConfigureAwait(false);
                _logger.LogInformation("Reader {ReaderId} acknowledged {Mode}", ReaderId, mode);
                return mode;
            }, done => done.ToString(), null, cancellationToken);

        /// <summary>
        /// Gives a fresh reader its id and key (once; a factory wipe is needed to change them). The key
        /// is redacted from traces by message type and wiped from this library's buffers after sending.
        /// Store the same key in your <see cref="IReaderKeyStore"/> before using the reader.
        /// </summary>
        public Task<ProvisionResponse> ProvisionAsync(uint readerId, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default) =>
            TracedAsync("medcard.reader.provision", ct => ProvisionCoreAsync(readerId, key, ct), response => response.Status.ToString(), null, cancellationToken);

        private async Task<ProvisionResponse> ProvisionCoreAsync(uint readerId, ReadOnlyMemory<byte> key, CancellationToken cancellationToken)
        {
            if (key.Length != SignedRecord.KeyLength)
            {
                throw new ArgumentException("A reader key is 32 bytes.", nameof(key));
            }
            var message = new Provision { ReaderId = readerId, Key = key.ToArray() };
            try
            {
                ReceivedFrame frame = await _link.RequestAsync(message, _options.CallTimeout, cancellationToken, _options.FlashWriteAttemptTimeout).ConfigureAwait(false);
                ProvisionResponse response = ProvisionResponse.Decode(frame.Payload, 0, frame.Payload.Length);
                if (response.ReaderId != ReaderId)
                {
                    // The reader id changed: records from now on carry it, so learn it before anything else.
                    await _link.RefreshCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
                }
                return response;
            }
            finally
            {
                message.Wipe();
            }
        }

        /// <summary>
        /// Installs the reader's card key on a provisioned reader, once: the scheme's key-A master (32 bytes), all a reader
        /// needs to read cards. The key-B master and the holder-data MAC key are the issuer's and are never sent to a
        /// reader. The answer is a status only; the reader never returns a key, and the request's key bytes are wiped here
        /// after sending. A reader whose firmware does not announce <see cref="CapabilityFlags.CardKeysMessage"/> cannot
        /// take it over the link: install it with the firmware's one-time drop file instead.
        /// </summary>
        public Task<CardKeysStatus> ProvisionCardKeysAsync(uint readerId, ReadOnlyMemory<byte> keyAMasterKey, CancellationToken cancellationToken = default) =>
            TracedAsync("medcard.reader.provision_card_keys", ct => ProvisionCardKeysCoreAsync(readerId, keyAMasterKey, ct), status => status.ToString(), null,
                cancellationToken);

        private async Task<CardKeysStatus> ProvisionCardKeysCoreAsync(uint readerId, ReadOnlyMemory<byte> keyAMasterKey, CancellationToken cancellationToken)
        {
            if (keyAMasterKey.Length != ProvisionCardKeys.KeyLength)
            {
                throw new ArgumentException("The key-A master is 32 bytes.");
            }
            if (Capabilities is { } caps && (caps.Flags & CapabilityFlags.CardKeysMessage) == 0)
            {
                throw new NotSupportedException(
                    "This reader's firmware cannot receive card keys over the link; deploy them as the one-time I:\\ckeys.in drop file (firmware/MedCard.Firmware.App/README.md).");
            }
            var message = new ProvisionCardKeys { ReaderId = readerId, KeyAMasterKey = keyAMasterKey.ToArray() };
            try
            {
                ReceivedFrame frame = await _link.RequestAsync(message, _options.CallTimeout, cancellationToken, _options.FlashWriteAttemptTimeout).ConfigureAwait(false);
                return ProvisionCardKeysResponse.Decode(frame.Payload, 0, frame.Payload.Length).Status;
            }
            finally
            {
                message.Wipe();
            }
        }

        /// <summary>
        /// One reader call as a span of <see cref="HostTelemetry.ActivitySourceName"/> (operation name, reader id, transport,
        /// outcome; never the card number or key material) and, with <paramref name="latency"/>, a histogram sample.
        /// </summary>
        private async Task<T> TracedAsync<T>(string operation, Func<CancellationToken, Task<T>> call, Func<T, string> outcome, Histogram<double>? latency,
            CancellationToken cancellationToken)
        {
            using Activity? activity = HostTelemetry.StartReaderCall(operation, ReaderId, _link.TransportName);
            long started = Stopwatch.GetTimestamp();
            string result = "error";
            try
            {
                T value = await call(cancellationToken).ConfigureAwait(false);
                result = outcome(value);
                activity?.SetTag(HostTelemetry.OutcomeTag, result);
                return value;
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                result = "cancelled";
                HostTelemetry.Failed(activity, e);
                activity?.SetTag(HostTelemetry.OutcomeTag, result);
                throw;
            }
            catch (Exception e)
            {
                HostTelemetry.Failed(activity, e);
                throw;
            }
            finally
            {
                if (latency is not null && latency.Enabled)
                {
                    latency.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                        new KeyValuePair<string, object?>(HostTelemetry.ReaderIdTag, (long)ReaderId),
                        new KeyValuePair<string, object?>(HostTelemetry.OutcomeTag, result));
                }
            }
        }

        /// <summary>Stops the client and closes its link.</summary>
        public async ValueTask DisposeAsync()
        {
            if (_life.IsCancellationRequested)
            {
                return;
            }
            _life.Cancel();
            _link.Reconnected -= OnReconnected;
            await _link.DisposeAsync().ConfigureAwait(false);
            if (_eventPump is not null)
            {
                await _eventPump.ConfigureAwait(false);
            }
            lock (_subscribers)
            {
                foreach (Channel<CardEvent> c in _subscribers)
                {
                    c.Writer.TryComplete();
                }
            }
        }

        private async Task<RecordCheck> AcceptAsync(SignedRecord record, CancellationToken cancellationToken)
        {
            RecordCheck check = await _verifier.AcceptAsync(record, ReaderId, cancellationToken).ConfigureAwait(false);
            Notify(check);
            return check;
        }

        /// <summary>Raises RecordAccepted or RecordRefused; a throwing handler is logged, never propagated.</summary>
        private void Notify(RecordCheck check)
        {
            try
            {
                if (check.IsNewlyAccepted)
                {
                    RecordAccepted?.Invoke(this, check);
                }
                else if (check.Verdict != RecordVerdict.AlreadyAccepted && check.Verdict != RecordVerdict.MissingRecords
                    && check.Verdict != RecordVerdict.DuplicateSigning)
                {
                    RecordRefused?.Invoke(this, check);
                }
            }
            catch (Exception ex)
            {
                // The chain already moved: a handler is a notification, not the durable write (see README).
                _logger.LogError(ex, "A record handler threw for reader {ReaderId} counter {Counter}", check.Record.ReaderId, check.Record.Counter);
            }
        }

        private static bool BindsTo(SignedRecord record, AuthorizeRequest request) =>
            record.Amount == request.Amount
            && record.Type == request.TransactionType
            && record.Time == request.Time
            && record.CardNumber == request.CardNumber
            && record.HostNonce is not null
            && ConstantTime.AreEqual(record.HostNonce, 0, request.HostNonce, 0, SignedRecord.NonceLength);

        private void OnReconnected(object? sender, EventArgs e)
        {
            if (!_options.SyncJournalOnReconnect || ReaderId == 0)
            {
                return;
            }
            // Resume from the last accepted counter: anything signed while the link was down (an
            // answer lost with the port) is read back, verified and counted once.
            _ = Task.Run(async () =>
            {
                try
                {
                    JournalSyncResult sync = await SyncJournalAsync(_life.Token).ConfigureAwait(false);
                    _logger.LogInformation("Journal resync after reconnect: {Count} record(s) read, latest counter {Latest}", sync.Checks.Count, sync.LatestCounter);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogWarning(ex, "Journal resync after reconnect failed; it will be retried on the next sync");
                }
                catch (OperationCanceledException)
                {
                }
            });
        }

        private async Task PumpEventsAsync()
        {
            try
            {
                await foreach (ReceivedFrame frame in _link.Events.ReadAllAsync(_life.Token).ConfigureAwait(false))
                {
                    CardEvent? item = Decode(frame);
                    if (item is null)
                    {
                        continue;
                    }
                    _logger.LogDebug("Card {Event}", item.IsPresent ? "presented" : "removed");
                    Volatile.Write(ref _currentCard, item.IsPresent ? item : null);
                    try
                    {
                        CardChanged?.Invoke(this, item);
                    }
                    catch (Exception ex)
                    {
                        _logger.LogWarning(ex, "A CardChanged handler threw");
                    }
                    lock (_subscribers)
                    {
                        foreach (Channel<CardEvent> c in _subscribers)
                        {
                            c.Writer.TryWrite(item);
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        private CardEvent? Decode(ReceivedFrame frame)
        {
            if (frame.Type == MessageType.CardPresented
                && CardPresented.TryDecode(frame.Payload, 0, frame.Payload.Length, out CardPresented? presented) == DecodeStatus.Ok)
            {
                if (_options.HolderMac is { } issuer)
                {
                    CardPresented judged = issuer.Judge(presented!);
                    if (judged.HolderStatus == HolderDataStatus.BadIssuerMac && presented!.HolderStatus == HolderDataStatus.Ok)
                    {
                        _logger.LogWarning("Card {Uid}: the holder data's issuer MAC does not verify (tampered or forged card)", Convert.ToHexString(presented.Uid));
                    }

                    return new CardEvent(true, judged.Uid, judged, holderVerified: judged.HolderStatus == HolderDataStatus.Ok);
                }

                if (presented!.HolderStatus == HolderDataStatus.Ok && Interlocked.Exchange(ref _warnedUnverified, 1) == 0)
                {
                    _logger.LogWarning("Holder data is not verified: set ReaderClientOptions.HolderMac to the issuer's holder-data MAC key");
                }

                return new CardEvent(true, presented.Uid, presented, holderVerified: false);
            }
            if (frame.Type == MessageType.CardRemoved
                && CardRemoved.TryDecode(frame.Payload, 0, frame.Payload.Length, out CardRemoved? removed) == DecodeStatus.Ok)
            {
                return new CardEvent(false, removed!.Uid, null, holderVerified: false);
            }
            _logger.LogWarning("Undecodable event {Type} from the reader", MessageTypes.Name(frame.Type));
            return null;
        }
    }
}
