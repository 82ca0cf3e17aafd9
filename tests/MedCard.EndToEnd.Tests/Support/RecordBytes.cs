using System;
using MedCard.Protocol;

namespace MedCard.EndToEnd.Tests.Support;

/// <summary>A signed record's wire encoding, to compare what the host accepted with what the reader signed byte for byte.</summary>
internal static class RecordBytes
{
    public static string Hex(SignedRecord record)
    {
        byte[] buffer = new byte[SignedRecord.MaxEncodedLength];
        int n = record.Encode(buffer, 0);
        return Convert.ToHexString(buffer, 0, n);
    }
}
