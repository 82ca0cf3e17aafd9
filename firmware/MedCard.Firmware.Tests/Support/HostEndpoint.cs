using System;
using System.Collections;
using MedCard.Firmware.Tests.Fakes;
using MedCard.Protocol;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// The host's side of the link in tests: encodes requests onto the fake link and decodes everything the reader
    /// sends back into <see cref="ReceivedFrame"/>s, in order. Like the real host it answers every event with a bare
    /// ACK as it decodes it (protocol rule 8), unless a test turns <see cref="AcknowledgeEvents"/> off to play a host
    /// that lost them.
    /// </summary>
    public sealed class HostEndpoint : IFrameHandler
    {
        private readonly FakeHostLink _link;
        private readonly FrameDecoder _decoder;
        private readonly byte[] _payload = new byte[FrameFormat.MaxPayloadSize];
        private readonly byte[] _wire = new byte[FrameFormat.MaxEncodedFrameSize];
        private readonly byte[] _ackWire = new byte[FrameFormat.MaxEncodedFrameSize];
        private readonly byte[] _inbox = new byte[65536];
        private readonly ArrayList _frames = new ArrayList();
        private ushort _nextId = 1;

        /// <summary>Answer each event with a bare ACK when it is decoded (default on).</summary>
        public bool AcknowledgeEvents = true;

        public HostEndpoint(FakeHostLink link)
        {
            _link = link;
            _decoder = new FrameDecoder(this);
        }

        /// <summary>Send a request with a fresh request id; returns the id.</summary>
        public ushort Send(IMessage request)
        {
            ushort id = _nextId++;
            SendWithId(request, id);
            return id;
        }

        /// <summary>Send a request with a given id (a retry reuses the id).</summary>
        public void SendWithId(IMessage request, ushort id)
        {
            int n = FrameEncoder.Encode(FrameHeader.Request(request.Type, id), request, _payload, _wire, 0);
            _link.HostWrite(_wire, 0, n);
        }

        /// <summary>Send a frame with an arbitrary header and payload.</summary>
        public void SendRaw(FrameHeader header, byte[] payload)
        {
            int n = FrameEncoder.Encode(header, payload, 0, payload == null ? 0 : payload.Length, _wire, 0);
            _link.HostWrite(_wire, 0, n);
        }

        /// <summary>Decode what the reader sent since the last call; returns the number of new frames.</summary>
        public int Collect()
        {
            int before = _frames.Count;
            int n = _link.HostTake(_inbox);
            _decoder.Feed(_inbox, 0, n);
            return _frames.Count - before;
        }

        /// <summary>All frames received so far.</summary>
        public int Count
        {
            get
            {
                Collect();
                return _frames.Count;
            }
        }

        public ReceivedFrame Frame(int index)
        {
            Collect();
            return (ReceivedFrame)_frames[index];
        }

        /// <summary>The newest frame of a type, or null.</summary>
        public ReceivedFrame Last(MessageType type)
        {
            Collect();
            for (int i = _frames.Count - 1; i >= 0; i--)
            {
                ReceivedFrame f = (ReceivedFrame)_frames[i];
                if (f.Header.Type == type)
                {
                    return f;
                }
            }

            return null;
        }

        /// <summary>The answer (any type) to request <paramref name="id"/>, newest first, or null.</summary>
        public ReceivedFrame ResponseTo(ushort id)
        {
            Collect();
            for (int i = _frames.Count - 1; i >= 0; i--)
            {
                ReceivedFrame f = (ReceivedFrame)_frames[i];
                if (f.Header.IsResponse && f.Header.RequestId == id)
                {
                    return f;
                }
            }

            return null;
        }

        /// <summary>How many frames of a type were received.</summary>
        public int CountOf(MessageType type)
        {
            Collect();
            int n = 0;
            for (int i = 0; i < _frames.Count; i++)
            {
                if (((ReceivedFrame)_frames[i]).Header.Type == type)
                {
                    n++;
                }
            }

            return n;
        }

        public void OnFrame(FrameHeader header, byte[] frame, int payloadOffset, int payloadLength)
        {
            ReceivedFrame f = new ReceivedFrame();
            f.Header = header;
            f.Payload = new byte[payloadLength];
            Array.Copy(frame, payloadOffset, f.Payload, 0, payloadLength);
            _frames.Add(f);
            if (AcknowledgeEvents && MessageTypes.IsEvent(header.Type) && !header.IsResponse)
            {
                SendAck(header);
            }
        }

        /// <summary>Send the bare ACK for an event (what the host's link does for each one it receives).</summary>
        public void SendAck(FrameHeader eventHeader)
        {
            int n = FrameEncoder.EncodeAck(eventHeader, _ackWire, 0);
            _link.HostWrite(_ackWire, 0, n);
        }

        public void OnFrameDropped(FrameDropReason reason, int byteCount)
        {
            throw new InvalidOperationException("the reader sent a damaged frame");
        }
    }
}
