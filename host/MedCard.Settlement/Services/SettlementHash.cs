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
    /// <summary>Large enough for a request with a few bill items; a larger one hashes from a buffer of its own.</summary>
    private const int StackBytes = 512;

    public static byte[] Of(SettlementRequest request)
    {
        // The same bytes in the same order as ever (stored hashes are compared with resubmissions), hashed in one call:
        // one native call instead of one per field.
        var fields = new Fields(stackalloc byte[StackBytes]);
        VerifiedTransaction tx = request.Transaction;
        fields.AddLong(tx.ReaderId);
        fields.AddLong(tx.Counter);
        fields.AddBytes(tx.CardUid ?? Array.Empty<byte>());
        fields.AddString(tx.CardNumber);
        fields.AddLong(tx.Amount);
        fields.AddLong(tx.Time.ToUnixTimeMilliseconds());
        fields.AddString(request.InstitutionId);
        fields.AddLong((long)request.VisitType);
        fields.AddString(request.PayFromRelativeResidentId ?? string.Empty);
        fields.AddLong(request.Items.Count);
        foreach (BillItem item in request.Items)
        {
            fields.AddString(item?.Code ?? string.Empty);
            fields.AddLong(item is null ? 0 : (long)item.Class);
            fields.AddLong(item?.Amount ?? 0);
            fields.AddLong(item?.SelfPaidBasisPoints ?? 0);
        }

        return SHA256.HashData(fields.Written);
    }

    /// <summary>The request's fields as bytes: longs big-endian, byte strings and UTF-8 strings length-prefixed (so ("ab",
    /// "c") and ("a", "bc") never hash alike). Starts on the stack, moves to the heap when a request outgrows it.</summary>
    private ref struct Fields
    {
        private Span<byte> _buffer;
        private int _length;

        public Fields(Span<byte> initial)
        {
            _buffer = initial;
            _length = 0;
        }

        public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

        public void AddLong(long value) => BinaryPrimitives.WriteInt64BigEndian(Room(8), value);

        public void AddBytes(ReadOnlySpan<byte> value)
        {
            AddLong(value.Length);
            value.CopyTo(Room(value.Length));
        }

        public void AddString(string? value)
        {
            string text = value ?? string.Empty;
            int length = Encoding.UTF8.GetByteCount(text);
            AddLong(length);
            Encoding.UTF8.GetBytes(text, Room(length));
        }

        /// <summary>The next <paramref name="count"/> bytes, counted as written.</summary>
        private Span<byte> Room(int count)
        {
            if (_length + count > _buffer.Length)
            {
                byte[] larger = new byte[Math.Max(_buffer.Length * 2, _length + count)];
                _buffer[.._length].CopyTo(larger);
                _buffer = larger;
            }

            Span<byte> room = _buffer.Slice(_length, count);
            _length += count;
            return room;
        }
    }
}
