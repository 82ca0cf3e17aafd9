using System;
using System.IO;
using MedCard.Firmware.Storage;
using MedCard.Protocol;

namespace MedCard.Firmware.Reader
{
    /// <summary>
    /// Answers every request that reaches the reader (retries never get here: <see cref="HostChannel"/>
    /// replays them from its cache). Unknown types get Error UnknownMessageType, reader-side types sent
    /// as requests (or requests carrying an answer flag) get Error UnexpectedFlags, undecodable payloads Error
    /// MalformedPayload; reserved flag bits are ignored. Without a
    /// reader key only Hello, StatusRequest, Provision and Reset work (PinRequest, AuthorizeRequest and ProvisionCardKeys
    /// answer their own NotProvisioned status; the rest get Error NotProvisioned). While PIN entry is in
    /// progress, PinRequest and AuthorizeRequest get NACK Busy; everything else is served normally. An exact repeat of
    /// the PIN request being entered (same id, type and payload) gets no answer of its own: its one answer is the
    /// PinBlockResponse sent when entry ends.
    /// </summary>
    public sealed class RequestRouter : IRequestHandler
    {
        private readonly ReaderCore _reader;

        /// <summary>Route requests to <paramref name="reader"/>.</summary>
        public RequestRouter(ReaderCore reader)
        {
            _reader = reader;
        }

        /// <summary>
        /// Handle one new request. A storage error that escapes a handler is answered with Error StorageFailure
        /// instead of stopping the main loop (if the link itself failed, the answer is dropped).
        /// </summary>
        public void OnRequest(FrameHeader header, byte[] frame, int offset, int length)
        {
            try
            {
                Route(header, frame, offset, length);
            }
            catch (IOException)
            {
                try
                {
                    _reader.Channel.Error(header, ErrorCode.StorageFailure);
                }
                catch (IOException)
                {
                    // The link is down; the host will retry.
                }
            }
        }

        private void Route(FrameHeader header, byte[] frame, int offset, int length)
        {
            HostChannel channel = _reader.Channel;
            if (channel.IsRepeatOfDeferred(header))
            {
                // A duplicate on the line, or the host's re-send after a timeout or a reconnect. Rule 1 allows one
                // answer per request, and it is on its way when entry ends; NACK Busy here would make the host re-send
                // every 100 ms for the whole entry (42 resend/Busy pairs for a 6 s PIN).
                return;
            }

            if (!MessageTypes.IsKnown(header.Type))
            {
                channel.Error(header, ErrorCode.UnknownMessageType);
                return;
            }

            // FlagsFit looks at the defined bits only: reserved bits 4-7 are ignored on receipt (spec), so a
            // later host that sets one is still served; the answer never echoes them.
            if (!MessageTypes.IsRequest(header.Type) || !MessageCodec.FlagsFit(header))
            {
                channel.Error(header, ErrorCode.UnexpectedFlags);
                return;
            }

            bool provisioned = _reader.Provisioning.IsProvisioned;
            switch (header.Type)
            {
                case MessageType.Hello:
                    OnHello(header, frame, offset, length);
                    return;
                case MessageType.StatusRequest:
                    OnStatus(header, frame, offset, length);
                    return;
                case MessageType.Provision:
                    OnProvision(header, frame, offset, length);
                    return;
                case MessageType.Reset:
                    OnReset(header, frame, offset, length);
                    return;
                case MessageType.ProvisionCardKeys:
                    OnProvisionCardKeys(header, frame, offset, length);
                    return;
                case MessageType.PinRequest:
                    OnPinRequest(header, frame, offset, length);
                    return;
                case MessageType.AuthorizeRequest:
                    OnAuthorize(header, frame, offset, length);
                    return;
            }

            if (!provisioned)
            {
                channel.Error(header, ErrorCode.NotProvisioned);
                return;
            }

            switch (header.Type)
            {
                case MessageType.HotlistUpdate:
                    OnHotlistUpdate(header, frame, offset, length);
                    return;
                case MessageType.JournalRead:
                    OnJournalRead(header, frame, offset, length);
                    return;
                case MessageType.JournalAck:
                    OnJournalAck(header, frame, offset, length);
                    return;
                default:
                    channel.Error(header, ErrorCode.UnknownMessageType);
                    return;
            }
        }

        private void OnHello(FrameHeader header, byte[] frame, int offset, int length)
        {
            Hello hello;
            if (Hello.TryDecode(frame, offset, length, out hello) != DecodeStatus.Ok)
            {
                _reader.Channel.Error(header, ErrorCode.MalformedPayload);
                return;
            }

            if (hello.HostTime != 0)
            {
                _reader.Devices.WallClock.SetUtcSeconds(hello.HostTime);
            }

            Capabilities caps = new Capabilities();
            caps.FirmwareMajor = ReaderCore.FirmwareMajor;
            caps.FirmwareMinor = ReaderCore.FirmwareMinor;
            caps.FirmwarePatch = ReaderCore.FirmwarePatch;
            caps.ReaderId = _reader.Provisioning.ReaderId;
            CapabilityFlags flags = CapabilityFlags.HotlistCardNumber | CapabilityFlags.HotlistUidHash | CapabilityFlags.Buzzer | CapabilityFlags.Leds
                | CapabilityFlags.CardKeysMessage;
            if (_reader.Provisioning.IsProvisioned)
            {
                flags |= CapabilityFlags.Provisioned;
            }

            if (_reader.Devices.KeypadPins != null)
            {
                flags |= CapabilityFlags.Keypad;
            }

            caps.Flags = flags;
            caps.BoardName = _reader.Devices.BoardName;
            _reader.Channel.Respond(header, caps);
        }

        private void OnStatus(FrameHeader header, byte[] frame, int offset, int length)
        {
            StatusRequest request;
            if (StatusRequest.TryDecode(frame, offset, length, out request) != DecodeStatus.Ok)
            {
                _reader.Channel.Error(header, ErrorCode.MalformedPayload);
                return;
            }

            StatusResponse status = new StatusResponse();
            status.ReaderId = _reader.Provisioning.ReaderId;
            status.Flags = _reader.Flags();
            status.Counter = _reader.Counter.Last;
            status.JournalCount = (ushort)_reader.Journal.Count;
            status.JournalCapacity = (ushort)_reader.Journal.Capacity;
            status.HotlistVersion = _reader.Hotlist.ActiveVersion;
            status.HotlistAgeSeconds = _reader.Hotlist.AgeSeconds(_reader.Devices.WallClock, _reader.Now);
            status.UptimeSeconds = (uint)(_reader.Now / 1000);
            status.CopyCounters(_reader.Channel.Decoder);
            _reader.Channel.Respond(header, status);
        }

        private void OnProvision(FrameHeader header, byte[] frame, int offset, int length)
        {
            Provision request;
            if (Provision.TryDecode(frame, offset, length, out request) != DecodeStatus.Ok)
            {
                _reader.Channel.Error(header, ErrorCode.MalformedPayload);
                return;
            }

            ProvisionResponse response = new ProvisionResponse();
            try
            {
                response.Status = _reader.Provisioning.Provision(request.ReaderId, request.Key);
            }
            finally
            {
                request.Wipe();
                Util.Secrets.Wipe(frame, offset, length);
            }

            response.ReaderId = _reader.Provisioning.ReaderId;
            _reader.Channel.Respond(header, response);
        }

        private void OnProvisionCardKeys(FrameHeader header, byte[] frame, int offset, int length)
        {
            ProvisionCardKeys request;
            if (ProvisionCardKeys.TryDecode(frame, offset, length, out request) != DecodeStatus.Ok)
            {
                _reader.Channel.Error(header, ErrorCode.MalformedPayload);
                return;
            }

            // The answer is a status only: the keys are never echoed, and the request's copies die here.
            ProvisionCardKeysResponse response = new ProvisionCardKeysResponse();
            try
            {
                response.Status = _reader.ProvisionCardKeys(request);
            }
            finally
            {
                request.Wipe();
                Util.Secrets.Wipe(frame, offset, length);
            }

            _reader.Channel.Respond(header, response);
        }

        private void OnReset(FrameHeader header, byte[] frame, int offset, int length)
        {
            Reset request;
            if (Reset.TryDecode(frame, offset, length, out request) != DecodeStatus.Ok)
            {
                _reader.Channel.Error(header, ErrorCode.MalformedPayload);
                return;
            }

            if (request.Mode == ResetMode.FactoryWipe && request.ConfirmReaderId != _reader.Provisioning.ReaderId)
            {
                _reader.Channel.Error(header, ErrorCode.InvalidState);
                return;
            }

            // The ACK goes out before the reader acts, as the protocol says.
            _reader.Channel.Ack(header);
            if (request.Mode == ResetMode.FactoryWipe)
            {
                _reader.FactoryWipe();
            }
            else
            {
                _reader.RequestReboot();
            }
        }

        private void OnPinRequest(FrameHeader header, byte[] frame, int offset, int length)
        {
            HostChannel channel = _reader.Channel;
            if (channel.HasDeferred)
            {
                channel.Nack(header, NackReason.Busy);
                return;
            }

            PinRequest request;
            if (PinRequest.TryDecode(frame, offset, length, out request) != DecodeStatus.Ok)
            {
                channel.Error(header, ErrorCode.MalformedPayload);
                return;
            }

            PinBlockResponse refusal = new PinBlockResponse();
            if (!_reader.Provisioning.IsProvisioned)
            {
                refusal.Status = PinEntryStatus.NotProvisioned;
            }
            else if (!_reader.CardOk)
            {
                refusal.Status = PinEntryStatus.NoCard;
            }
            else if (_reader.IsCardHotlisted())
            {
                refusal.Status = PinEntryStatus.Hotlisted;
                _reader.RefuseHotlisted();
            }
            else
            {
                channel.BeginDeferred(header);
                _reader.StartPinEntry(request);
                return;
            }

            channel.Respond(header, refusal);
        }

        private void OnAuthorize(FrameHeader header, byte[] frame, int offset, int length)
        {
            HostChannel channel = _reader.Channel;
            if (channel.HasDeferred)
            {
                channel.Nack(header, NackReason.Busy);
                return;
            }

            AuthorizeRequest request;
            if (AuthorizeRequest.TryDecode(frame, offset, length, out request) != DecodeStatus.Ok)
            {
                channel.Error(header, ErrorCode.MalformedPayload);
                return;
            }

            if (_reader.Provisioning.IsProvisioned && AnsweredFromJournal(header, request))
            {
                return;
            }

            channel.Respond(header, _reader.Authorize(request));
        }

        // Spec rule 7: a nonce already journaled is never signed again, whatever the card or PIN state is now.
        private bool AnsweredFromJournal(FrameHeader header, AuthorizeRequest request)
        {
            SignedRecord journaled;
            AuthorizeResponse response;
            switch (_reader.FindReplay(request, out journaled))
            {
                case NonceReplay.SameTransaction:
                    response = new AuthorizeResponse();
                    response.Status = AuthorizeStatus.Approved;
                    response.Record = journaled;
                    _reader.Channel.Respond(header, response);
                    return true;
                case NonceReplay.Conflict:
                    _reader.Channel.Error(header, ErrorCode.InvalidState);
                    return true;
                case NonceReplay.Unreadable:
                    response = new AuthorizeResponse();
                    response.Status = AuthorizeStatus.StorageFailure;
                    _reader.Channel.Respond(header, response);
                    return true;
                default:
                    return false;
            }
        }

        private void OnHotlistUpdate(FrameHeader header, byte[] frame, int offset, int length)
        {
            HotlistUpdate chunk;
            if (HotlistUpdate.TryDecode(frame, offset, length, out chunk) != DecodeStatus.Ok)
            {
                _reader.Channel.Error(header, ErrorCode.MalformedPayload);
                return;
            }

            uint nowUtc = _reader.Devices.WallClock.IsSet ? _reader.Devices.WallClock.UtcSeconds : 0;
            HotlistResult result = _reader.Hotlist.Apply(chunk, nowUtc, _reader.Now);
            HotlistAck ack = new HotlistAck();
            ack.Status = result.Status;
            ack.ActiveVersion = result.ActiveVersion;
            ack.ActiveEntries = (ushort)result.ActiveEntries;
            ack.StagingVersion = result.StagingVersion;
            ack.NextChunk = (ushort)result.NextChunk;
            _reader.Channel.Respond(header, ack);
        }

        private void OnJournalRead(FrameHeader header, byte[] frame, int offset, int length)
        {
            JournalRead request;
            if (JournalRead.TryDecode(frame, offset, length, out request) != DecodeStatus.Ok)
            {
                _reader.Channel.Error(header, ErrorCode.MalformedPayload);
                return;
            }

            Journal journal = _reader.Journal;
            SignedRecord[] found = new SignedRecord[JournalRecords.MaxRecordsPerChunk];
            uint next;
            int n = journal.Read(request.FromCounter, request.ToCounter, found, out next);
            JournalRecords response = new JournalRecords();
            response.LatestCounter = journal.LatestCounter;
            response.OldestCounter = journal.OldestCounter;
            response.NextCounter = next;
            response.Records = new SignedRecord[n];
            Array.Copy(found, response.Records, n);
            _reader.Channel.Respond(header, response);
        }

        private void OnJournalAck(FrameHeader header, byte[] frame, int offset, int length)
        {
            JournalAck request;
            if (JournalAck.TryDecode(frame, offset, length, out request) != DecodeStatus.Ok)
            {
                _reader.Channel.Error(header, ErrorCode.MalformedPayload);
                return;
            }

            if (request.UpToCounter > _reader.Journal.LatestCounter)
            {
                _reader.Channel.Error(header, ErrorCode.InvalidState);
                return;
            }

            if (_reader.Journal.Acknowledge(request.UpToCounter) != StorageStatus.Ok)
            {
                _reader.Channel.Error(header, ErrorCode.StorageFailure);
                return;
            }

            _reader.Channel.Ack(header);
        }
    }
}
