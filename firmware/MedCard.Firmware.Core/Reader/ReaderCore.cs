using System;
using MedCard.Firmware.Card;
using MedCard.Firmware.Hardware;
using MedCard.Firmware.Keypad;
using MedCard.Firmware.Pin;
using MedCard.Firmware.Storage;
using MedCard.Protocol;

namespace MedCard.Firmware.Reader
{
    /// <summary>
    /// The reader: card presence, holder data, PIN entry, signing and every protocol request, driven by
    /// <see cref="Tick"/> from the app's main loop (no threads, no sleeps), so tests control time.
    /// The state diagram is in the README (Reader section): Idle, ReadingCard, CardReady, PinEntry,
    /// ShowingResult, WaitingRemoval; a debounced removal from any state returns to Idle, answering a
    /// pending PIN request with CardRemoved and sending the CardRemoved event.
    /// Requests are answered from inside <see cref="Tick"/> (see <see cref="RequestRouter"/>).
    /// </summary>
    public sealed class ReaderCore
    {
        /// <summary>Firmware version reported in Capabilities.</summary>
        public const byte FirmwareMajor = 1;

        /// <summary>Firmware minor version.</summary>
        public const byte FirmwareMinor = 0;

        /// <summary>Firmware patch version.</summary>
        public const ushort FirmwarePatch = 0;

        private readonly ReaderDevices _devices;
        private readonly ReaderTimings _timings;
        private readonly HostChannel _channel;
        private readonly CardPresence _presence;
        private readonly KeypadScanner _scanner;
        private readonly PinEntry _pin = new PinEntry();
        private readonly PinBlockEncoder _pinEncoder;
        private readonly HolderData _holder = new HolderData();
        private readonly TransactionSigner _signer;
        private readonly byte[] _uidFingerprint = new byte[Hotlist.FingerprintLength];
        private readonly byte[] _cardFingerprint = new byte[Hotlist.FingerprintLength];

        // Messages the reader sends over and over: each is encoded into the channel's own buffers as soon as it is
        // filled in (events into PendingEvent, answers into the response cache) and never kept, so one instance of
        // each serves every transaction instead of new garbage each time. The PIN block buffer is wiped after each send.
        private readonly CardPresented _presented = new CardPresented();
        private readonly CardRemoved _removed = new CardRemoved();
        private readonly PinBlockResponse _pinResponse = new PinBlockResponse();
        private readonly byte[] _pinBlock = new byte[PinBlockResponse.PinBlockLength];
        private readonly AuthorizeResponse _authorizeResponse = new AuthorizeResponse();

        private HolderCardReader _cardReader;
        private CardKeys _cardReaderKeys;

        private long _now;
        private long _stateSinceMs;
        private int _readAttempts;
        private long _lastReadAttemptMs;
        private bool _cardReported;
        private bool _cardOk;
        private bool _pinEntered;
        private long _pinDeadlineMs;
        private long _lastKeyMs;
        private long _lastScanMs;
        private string _lastRemovedCardNumber;
        private bool _fingerprinted;
        private byte[] _uidCopy;

        /// <summary>Build the reader over its devices; loads counter, journal, hotlist and provisioning from the store.</summary>
        public ReaderCore(ReaderDevices devices, ReaderOptions options)
        {
            if (devices == null || devices.CardField == null || devices.Store == null || devices.HostLink == null
                || devices.Hmac == null || devices.Aes == null || devices.Entropy == null || devices.WallClock == null
                || devices.Feedback == null)
            {
                throw new ArgumentException("devices incomplete");
            }

            if (options == null)
            {
                options = new ReaderOptions();
            }

            _devices = devices;
            _timings = options.Timings;
            Counter = new TransactionCounter(devices.Store);
            Journal = new Journal(devices.Store, options.JournalCapacity);
            Hotlist = new Hotlist(devices.Store, devices.Hmac, options.HotlistCapacity);
            Provisioning = new Provisioning(devices.Store);

            // If both counter slots were ever lost, never sign below what the journal proves was used.
            Counter.RaiseFloor(Journal.LatestCounter);

            _signer = new TransactionSigner(Counter, Journal, Provisioning, devices.Hmac);
            _pinEncoder = new PinBlockEncoder(devices.Hmac, devices.Aes, devices.Entropy);
            _presence = new CardPresence(devices.CardField, _timings);
            if (devices.KeypadPins != null)
            {
                KeypadLayout layout = devices.KeypadLayout != null ? devices.KeypadLayout : KeypadLayout.Standard4x4();
                _scanner = new KeypadScanner(devices.KeypadPins, layout, _timings.KeypadDebounceMs);
            }

            _channel = new HostChannel(devices.HostLink, options.ResponseCacheSize, _timings.EventResendMs, _timings.EventResends);
            _channel.SetHandler(new RequestRouter(this));
        }

        /// <summary>Current state.</summary>
        public ReaderState State { get; private set; }

        /// <summary>The persistent counter.</summary>
        public TransactionCounter Counter { get; }

        /// <summary>The journal of unacknowledged records.</summary>
        public Journal Journal { get; }

        /// <summary>The hotlist.</summary>
        public Hotlist Hotlist { get; }

        /// <summary>Reader id and keys.</summary>
        public Provisioning Provisioning { get; }

        /// <summary>The protocol endpoint (decoder counters, cache hits).</summary>
        public HostChannel Channel
        {
            get { return _channel; }
        }

        /// <summary>Set when the host asked for a reboot or a factory wipe; the app reboots the device.</summary>
        public bool RebootRequested { get; private set; }

        /// <summary>Digits typed so far in PIN entry: the only PIN information that may be shown.</summary>
        public int PinDigitCount
        {
            get { return _pin.DigitCount; }
        }

        /// <summary>Holder data of the card on the reader (valid in CardReady and later states of a good card).</summary>
        public HolderData Holder
        {
            get { return _holder; }
        }

        /// <summary>True when a card is confirmed present.</summary>
        public bool CardPresent
        {
            get { return _presence.IsPresent; }
        }

        internal long Now
        {
            get { return _now; }
        }

        internal ReaderDevices Devices
        {
            get { return _devices; }
        }

        internal bool CardOk
        {
            get { return _cardOk && _presence.IsPresent; }
        }

        /// <summary>One pass of the main loop: serve the host, poll the card, scan the keypad, run timeouts.</summary>
        public void Tick(long nowMs)
        {
            _now = nowMs;
            _channel.Poll(nowMs);

            PresenceChange change = _presence.Poll(nowMs);
            if (change == PresenceChange.Left)
            {
                OnCardLeft();
            }
            else if (change == PresenceChange.Arrived)
            {
                _lastRemovedCardNumber = null;
                _readAttempts = 0;
                Enter(ReaderState.ReadingCard);
                _devices.Feedback.SetLed(FeedbackLed.Busy, true);
            }

            switch (State)
            {
                case ReaderState.ReadingCard:
                    TryReadCard();
                    break;
                case ReaderState.CardReady:
                    if (nowMs - _stateSinceMs >= _timings.HostWaitMs)
                    {
                        // The host never followed up: give up on this card until it is presented again.
                        _cardOk = false;
                        Signal(false);
                        Enter(ReaderState.WaitingRemoval);
                    }

                    break;
                case ReaderState.PinEntry:
                    RunPinEntry();
                    break;
                case ReaderState.ShowingResult:
                    if (nowMs - _stateSinceMs >= _timings.FeedbackMs)
                    {
                        _devices.Feedback.SetLed(FeedbackLed.Green, false);
                        _devices.Feedback.SetLed(FeedbackLed.Red, false);
                        Enter(ReaderState.WaitingRemoval);
                    }

                    break;
            }
        }

        internal bool IsCardHotlisted()
        {
            if (Hotlist.ActiveEntries == 0 || _holder.CardNumber == null)
            {
                return false;
            }

            // Fingerprints cost two HMACs: computed once per card, and only when there is a list to check.
            if (!_fingerprinted)
            {
                DetectedCard card = _presence.Current;
                Hotlist.FingerprintUid(card.Uid, card.UidLength, _uidFingerprint, 0);
                Hotlist.FingerprintCardNumber(_holder.CardNumber, _cardFingerprint, 0);
                _fingerprinted = true;
            }

            return Hotlist.Contains(_uidFingerprint, 0) || Hotlist.Contains(_cardFingerprint, 0);
        }

        internal void RefuseHotlisted()
        {
            _cardOk = false;
            Signal(false);
            Enter(ReaderState.WaitingRemoval);
        }

        /// <summary>Start PIN entry for the deferred PinRequest.</summary>
        internal void StartPinEntry(PinRequest request)
        {
            _pin.Start(request.MinLength, request.MaxLength);
            if (_scanner != null)
            {
                _scanner.Reset();
            }

            _pinDeadlineMs = _now + (request.TimeoutSeconds * 1000L);
            _lastKeyMs = _now;
            _lastScanMs = _now - _timings.KeypadScanMs;
            _devices.Feedback.SetLed(FeedbackLed.Busy, true);
            Enter(ReaderState.PinEntry);
        }

        /// <summary>
        /// The card-side checks of an AuthorizeRequest, then signing. The answer is the reader's one reused instance:
        /// the caller sends it at once and keeps nothing.
        /// </summary>
        internal AuthorizeResponse Authorize(AuthorizeRequest request)
        {
            AuthorizeResponse response = _authorizeResponse;
            response.Record = null;
            if (request.Time != 0 && !_devices.WallClock.IsSet)
            {
                _devices.WallClock.SetUtcSeconds(request.Time);
            }

            response.Status = CheckAuthorize(request);
            if (response.Status == AuthorizeStatus.Approved)
            {
                SignedRecord record;
                response.Status = _signer.Sign(request, CopyUid(), out record);
                response.Record = record;
            }

            switch (response.Status)
            {
                case AuthorizeStatus.Approved:
                    _pinEntered = false;
                    Signal(true);
                    Enter(ReaderState.ShowingResult);
                    break;
                case AuthorizeStatus.Hotlisted:
                case AuthorizeStatus.JournalFull:
                case AuthorizeStatus.CounterExhausted:
                case AuthorizeStatus.StorageFailure:
                    if (_presence.IsPresent)
                    {
                        Signal(false);
                        Enter(ReaderState.ShowingResult);
                    }

                    break;
            }

            return response;
        }

        /// <summary>
        /// Spec rule 7, looked up before any other check of an AuthorizeRequest: is its host nonce journaled already?
        /// The RAM response cache answers retries only until a reboot; this answers them after one too, so a host that
        /// lost the answer, saw the reader restart and re-sent the same request gets the record it missed instead of a
        /// second signature. <paramref name="record"/> is set for <see cref="NonceReplay.SameTransaction"/> only.
        /// Allocates nothing unless the nonce is found.
        /// </summary>
        internal NonceReplay FindReplay(AuthorizeRequest request, out SignedRecord record)
        {
            record = null;
            SignedRecord journaled;
            if (!Journal.TryFindByNonce(request.HostNonce, 0, out journaled))
            {
                return NonceReplay.None;
            }

            if (journaled == null)
            {
                return NonceReplay.Unreadable;
            }

            if (journaled.CardNumber != request.CardNumber || journaled.Amount != request.Amount
                || journaled.Type != request.TransactionType || journaled.Time != request.Time)
            {
                return NonceReplay.Conflict;
            }

            // A host that never saw the first answer may have had the PIN typed again for this transaction: the
            // record it now receives uses that PIN up, as an approval would (one PIN, one transaction).
            if (_pinEntered && _holder.CardNumber == journaled.CardNumber)
            {
                _pinEntered = false;
            }

            record = journaled;
            return NonceReplay.SameTransaction;
        }

        /// <summary>Forget keys, journal and hotlist (Reset FactoryWipe); the counter stays.</summary>
        internal void FactoryWipe()
        {
            if (State == ReaderState.PinEntry && _channel.HasDeferred)
            {
                PinBlockResponse response = new PinBlockResponse();
                response.Status = PinEntryStatus.NotProvisioned;
                _channel.SendDeferred(response);
            }

            AbortSession();
            _devices.Feedback.SetLed(FeedbackLed.Busy, false);
            Enter(_presence.IsPresent ? ReaderState.WaitingRemoval : ReaderState.Idle);
            Provisioning.Wipe();
            Journal.Wipe();
            Hotlist.Wipe();
            _channel.ClearCache();
            DropCardReader();
            RebootRequested = true;
        }

        internal void RequestReboot()
        {
            RebootRequested = true;
        }

        /// <summary>
        /// Install the reader's card key (the key-A master) directly, replacing any (desktop simulator and tests). A device
        /// takes it once, from the ProvisionCardKeys message or the drop file (<see cref="InstallCardKeysFromDropFile"/>).
        /// Returns false on a storage failure.
        /// </summary>
        public bool InstallCardKeys(byte[] keyAMasterKey)
        {
            bool ok = Provisioning.InstallCardKeys(keyAMasterKey);
            DropCardReader();
            return ok;
        }

        /// <summary>
        /// Consume the card-keys drop file on the reader's store, if there is one (the app calls this once at boot).
        /// One-time like the message: a reader with card keys keeps them. See <see cref="CardKeyDropFile"/>.
        /// </summary>
        public CardKeyDropResult InstallCardKeysFromDropFile()
        {
            CardKeyDropResult result = CardKeyDropFile.InstallIfPresent(_devices.Store, Provisioning);
            if (result == CardKeyDropResult.Installed)
            {
                DropCardReader();
            }

            return result;
        }

        /// <summary>The ProvisionCardKeys message: one time, for this reader id only. The caller wipes the request.</summary>
        internal CardKeysStatus ProvisionCardKeys(ProvisionCardKeys request)
        {
            CardKeysStatus status = Provisioning.ProvisionCardKeys(request.ReaderId, request.KeyAMasterKey);
            if (status == CardKeysStatus.Installed)
            {
                DropCardReader();
            }

            return status;
        }

        /// <summary>Status flags for StatusResponse.</summary>
        internal StatusFlags Flags()
        {
            StatusFlags flags = StatusFlags.None;
            if (Provisioning.IsProvisioned)
            {
                flags |= StatusFlags.Provisioned;
            }

            if (_presence.IsPresent)
            {
                flags |= StatusFlags.CardPresent;
            }

            if (Journal.IsFull)
            {
                flags |= StatusFlags.JournalFull;
            }

            if (Hotlist.IsStaging)
            {
                flags |= StatusFlags.HotlistStaging;
            }

            if (Provisioning.HasCardKeys)
            {
                flags |= StatusFlags.CardKeysInstalled;
            }

            return flags;
        }

        private AuthorizeStatus CheckAuthorize(AuthorizeRequest request)
        {
            if (!Provisioning.IsProvisioned)
            {
                return AuthorizeStatus.NotProvisioned;
            }

            if (!_presence.IsPresent)
            {
                return request.CardNumber == _lastRemovedCardNumber ? AuthorizeStatus.CardRemoved : AuthorizeStatus.NoCard;
            }

            if (!_cardOk && State != ReaderState.ShowingResult && State != ReaderState.WaitingRemoval)
            {
                return AuthorizeStatus.NoCard;
            }

            if (_holder.CardNumber == null)
            {
                return AuthorizeStatus.NoCard;
            }

            if (request.CardNumber != _holder.CardNumber)
            {
                return AuthorizeStatus.CardMismatch;
            }

            if (IsCardHotlisted())
            {
                return AuthorizeStatus.Hotlisted;
            }

            if (!_pinEntered || !_cardOk)
            {
                return AuthorizeStatus.PinRequired;
            }

            return AuthorizeStatus.Approved;
        }

        // One exact-length copy of the UID per presentation, shared by the CardPresented and CardRemoved
        // events and the signed records (all of them are encoded at once and dropped, none keeps it).
        private byte[] CopyUid()
        {
            DetectedCard card = _presence.Current;
            if (_uidCopy == null || !SameBytes(_uidCopy, card))
            {
                _uidCopy = new byte[card.UidLength];
                Array.Copy(card.Uid, _uidCopy, card.UidLength);
            }

            return _uidCopy;
        }

        private static bool SameBytes(byte[] copy, DetectedCard card)
        {
            if (copy.Length != card.UidLength)
            {
                return false;
            }

            for (int i = 0; i < copy.Length; i++)
            {
                if (copy[i] != card.Uid[i])
                {
                    return false;
                }
            }

            return true;
        }

        private void TryReadCard()
        {
            if (_readAttempts > 0 && _now - _lastReadAttemptMs < _timings.CardReadRetryMs)
            {
                return;
            }

            _lastReadAttemptMs = _now;
            CardKeys keys = Provisioning.CardKeys;
            CardReadStatus status;
            if (keys == null)
            {
                // Without the card-system keys no sector opens: report the card as unreadable.
                status = CardReadStatus.AuthenticationFailed;
                _readAttempts = _timings.CardReadAttempts;
            }
            else
            {
                if (_cardReader == null || _cardReaderKeys != keys)
                {
                    _cardReader = new HolderCardReader(_devices.CardField, _devices.Hmac, keys);
                    _cardReaderKeys = keys;
                }

                status = _cardReader.Read(_presence.Current, _holder);
                _readAttempts++;
            }

            if (status != CardReadStatus.Ok && HolderStatusMap.IsRetryable(status) && _readAttempts < _timings.CardReadAttempts)
            {
                return;
            }

            if (status == CardReadStatus.Ok)
            {
                _presence.Touch(_now);
                _fingerprinted = false;
            }

            ReportCard(status);
            _devices.Feedback.SetLed(FeedbackLed.Busy, false);
            if (status == CardReadStatus.Ok)
            {
                _cardOk = true;
                _pinEntered = false;
                _devices.Feedback.Beep(BeepPattern.Short);
                Enter(ReaderState.CardReady);
            }
            else
            {
                _holder.Clear();
                Signal(false);
                Enter(ReaderState.WaitingRemoval);
            }
        }

        private void ReportCard(CardReadStatus status)
        {
            DetectedCard card = _presence.Current;
            CardPresented message = _presented;
            message.Uid = CopyUid();
            message.Atqa = card.Atqa;
            message.Sak = card.Sak;
            message.HolderStatus = HolderStatusMap.ToWire(status);
            message.ResidentId = null;
            message.Gender = Gender.Unknown;
            message.CardNumber = null;
            message.NameUtf8 = null;
            if (status == CardReadStatus.Ok)
            {
                message.ResidentId = _holder.ResidentId;
                message.Gender = _holder.Gender;
                message.CardNumber = _holder.CardNumber;
                message.NameUtf8 = _holder.NameBytes();
                message.IssuerMac = _holder.IssuerMacBytes();
            }

            _channel.SendEvent(message, _now);
            // The holder's fields stay with the holder data (cleared on removal), not in the reused message.
            message.ResidentId = null;
            message.CardNumber = null;
            message.NameUtf8 = null;
            _cardReported = true;
        }

        private void RunPinEntry()
        {
            if (_now >= _pinDeadlineMs || _now - _lastKeyMs >= _timings.PinInterKeyMs)
            {
                FinishPin(PinEntryStatus.Timeout);
                return;
            }

            if (_scanner == null || _now - _lastScanMs < _timings.KeypadScanMs)
            {
                return;
            }

            _lastScanMs = _now;
            char key = _scanner.Poll(_now);
            if (key == '\0')
            {
                return;
            }

            _lastKeyMs = _now;
            switch (_pin.Press(key))
            {
                case PinEntryEvent.DigitAdded:
                    _devices.Feedback.Beep(BeepPattern.KeyClick);
                    break;
                case PinEntryEvent.Cleared:
                    _devices.Feedback.Beep(BeepPattern.Short);
                    break;
                case PinEntryEvent.TooLong:
                case PinEntryEvent.TooShort:
                    _devices.Feedback.Beep(BeepPattern.Failure);
                    break;
                case PinEntryEvent.Cancelled:
                    FinishPin(PinEntryStatus.Cancelled);
                    break;
                case PinEntryEvent.Submitted:
                    FinishPin(PinEntryStatus.Entered);
                    break;
            }
        }

        private void FinishPin(PinEntryStatus status)
        {
            PinBlockResponse response = _pinResponse;
            response.Status = status;
            response.KeyCounter = 0;
            response.PinBlock = null;
            if (status == PinEntryStatus.Entered)
            {
                uint keyCounter = Counter.Last + 1;
                _pinEncoder.Encode(_pin, _holder.CardNumber, Provisioning.ReaderKey, Provisioning.ReaderId, keyCounter, _pinBlock, 0);
                response.KeyCounter = keyCounter;
                response.PinBlock = _pinBlock;
                _pinEntered = true;
            }

            _pin.Wipe();
            if (_channel.HasDeferred)
            {
                _channel.SendDeferred(response);
            }

            ConstantTime.Wipe(_pinBlock);
            response.PinBlock = null;

            _devices.Feedback.SetLed(FeedbackLed.Busy, false);
            if (status == PinEntryStatus.Entered)
            {
                _devices.Feedback.Beep(BeepPattern.Short);
            }
            else
            {
                _devices.Feedback.Beep(BeepPattern.Failure);
            }

            Enter(ReaderState.CardReady);
        }

        private void OnCardLeft()
        {
            if (State == ReaderState.PinEntry && _channel.HasDeferred)
            {
                PinBlockResponse response = new PinBlockResponse();
                response.Status = PinEntryStatus.CardRemoved;
                _channel.SendDeferred(response);
            }

            if (_cardReported)
            {
                CardRemoved removed = _removed;
                removed.Uid = CopyUid();
                _channel.SendEvent(removed, _now);
            }

            _lastRemovedCardNumber = _holder.CardNumber;
            AbortSession();
            _devices.Feedback.SetLed(FeedbackLed.Busy, false);
            _devices.Feedback.SetLed(FeedbackLed.Green, false);
            _devices.Feedback.SetLed(FeedbackLed.Red, false);
            Enter(ReaderState.Idle);
        }

        private void AbortSession()
        {
            _pin.Wipe();
            _holder.Clear();
            Array.Clear(_uidFingerprint, 0, _uidFingerprint.Length);
            Array.Clear(_cardFingerprint, 0, _cardFingerprint.Length);
            _fingerprinted = false;
            _cardReported = false;
            _cardOk = false;
            _pinEntered = false;
        }

        private void DropCardReader()
        {
            _cardReader = null;
            _cardReaderKeys = null;
        }

        private void Signal(bool success)
        {
            _devices.Feedback.SetLed(success ? FeedbackLed.Green : FeedbackLed.Red, true);
            _devices.Feedback.Beep(success ? BeepPattern.Success : BeepPattern.Failure);
        }

        private void Enter(ReaderState state)
        {
            State = state;
            _stateSinceMs = _now;
        }
    }
}
