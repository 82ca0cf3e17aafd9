using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Services;

/// <summary>
/// SHA-256 over everything that defines a settlement request except the PIN. Stored with the outcome so a
/// resubmission of the same (reader, counter) can be told apart: same content = the same answer again,
/// different content = a replayed counter.
/// </summary>
internal static class SettlementHash
{
    public static byte[] Of(SettlementRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        VerifiedTransaction tx = request.Transaction;
        AddLong(hash, tx.ReaderId);
        AddLong(hash, tx.Counter);
        AddBytes(hash, tx.CardUid ?? Array.Empty<byte>());
        AddString(hash, tx.CardNumber);
        AddLong(hash, tx.Amount);
        AddLong(hash, tx.Time.ToUnixTimeMilliseconds());
        AddString(hash, request.InstitutionId);
        AddLong(hash, (long)request.VisitType);
        AddString(hash, request.PayFromRelativeResidentId ?? string.Empty);
        AddLong(hash, request.Items.Count);
        foreach (BillItem item in request.Items)
        {
            AddString(hash, item?.Code ?? string.Empty);
            AddLong(hash, item is null ? 0 : (long)item.Class);
            AddLong(hash, item?.Amount ?? 0);
            AddLong(hash, item?.SelfPaidBasisPoints ?? 0);
        }

        return hash.GetHashAndReset();
    }

    private static void AddLong(IncrementalHash hash, long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(buffer, value);
        hash.AppendData(buffer);
    }

    // Length-prefixed so ("ab","c") and ("a","bc") never hash alike.
    private static void AddBytes(IncrementalHash hash, byte[] value)
    {
        AddLong(hash, value.Length);
        hash.AppendData(value);
    }

    private static void AddString(IncrementalHash hash, string? value) => AddBytes(hash, Encoding.UTF8.GetBytes(value ?? string.Empty));
}
