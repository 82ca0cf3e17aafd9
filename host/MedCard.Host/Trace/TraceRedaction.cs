using System;
using System.Globalization;
using System.Text;
using MedCard.Protocol;

namespace MedCard.Host.Trace
{
    /// <summary>
    /// Which payload bytes a transcript may show, decided by message type alone (never by content):
    /// Provision carries the reader key, ProvisionCardKeys the reader's card key, PinBlockResponse the
    /// enciphered PIN block. Their secret fields are replaced by a length marker; everything else is
    /// shown as hex. A new secret-bearing message type must be added here before it is ever sent.
    /// </summary>
    internal static class TraceRedaction
    {
        /// <summary>Types whose payloads hold secrets.</summary>
        public static bool IsSecretBearing(MessageType type) =>
            type == MessageType.Provision || type == MessageType.ProvisionCardKeys || type == MessageType.PinBlockResponse;

        internal static void AppendPayload(StringBuilder line, FrameHeader header, byte[] payload, int offset, int count)
        {
            if (header.IsAck || header.IsNack || header.IsError || !IsSecretBearing(header.Type))
            {
                line.Append(Convert.ToHexString(payload, offset, count));
                return;
            }
            if (header.Type == MessageType.Provision || header.Type == MessageType.ProvisionCardKeys)
            {
                // Both start with the public readerId u32; every byte after it is key material.
                if (count >= 4)
                {
                    line.Append("readerId=").Append(BigEndian.ReadUInt32(payload, offset).ToString(CultureInfo.InvariantCulture)).Append(' ');
                }
                line.Append("key=<redacted ").Append(Math.Max(0, count - 4).ToString(CultureInfo.InvariantCulture)).Append(" bytes>");
                return;
            }
            // PinBlockResponse: status u8, then (Entered) keyCounter u32 and the 16-byte block.
            line.Append("status=").Append(((PinEntryStatus)payload[offset]).ToString());
            if (count >= 5)
            {
                line.Append(" keyCounter=").Append(BigEndian.ReadUInt32(payload, offset + 1).ToString(CultureInfo.InvariantCulture));
                line.Append(" block=<redacted ").Append((count - 5).ToString(CultureInfo.InvariantCulture)).Append(" bytes>");
            }
        }
    }
}
