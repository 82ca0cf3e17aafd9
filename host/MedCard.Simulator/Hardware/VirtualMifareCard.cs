using System;
using MedCard.Firmware.Hardware;

namespace MedCard.Simulator.Hardware;

/// <summary>
/// One MIFARE Classic 1K card: 16 sectors of 4 blocks, sector trailers with key A, access bits and key B,
/// enforced as the datasheet says (see <see cref="MifareAccess"/>): a wrong key or a forbidden access fails
/// and leaves the card unauthenticated until it is selected again, key A never reads back, block 0 is
/// read-only. Fresh cards carry the factory transport configuration (keys FF..FF, access FF 07 80).
/// Not thread-safe: the simulator's poll thread is the only caller (through <see cref="VirtualCardField"/>).
/// </summary>
public sealed class VirtualMifareCard
{
    /// <summary>Blocks of a MIFARE Classic 1K card (16 sectors of 4).</summary>
    public const int BlockCount = 64;
    /// <summary>Bytes per block.</summary>
    public const int BlockSize = 16;
    private static readonly byte[] TransportAccess = { 0xFF, 0x07, 0x80, 0x69 };

    private readonly byte[][] _blocks = new byte[BlockCount][];
    private int _authSector = -1;
    private bool _authWithKeyB;

    /// <summary>A blank card in the factory transport configuration.</summary>
    public VirtualMifareCard(ReadOnlySpan<byte> uid, string label)
    {
        if (uid.Length is not (4 or 7 or 10))
        {
            throw new ArgumentException("A MIFARE UID is 4, 7 or 10 bytes.", nameof(uid));
        }

        Uid = uid.ToArray();
        Label = label;
        for (int b = 0; b < BlockCount; b++)
        {
            _blocks[b] = new byte[BlockSize];
        }

        // Manufacturer block: UID, BCC (4-byte UIDs), SAK, ATQA (NXP order).
        uid.CopyTo(_blocks[0]);
        if (uid.Length == 4)
        {
            _blocks[0][4] = (byte)(uid[0] ^ uid[1] ^ uid[2] ^ uid[3]);
        }

        _blocks[0][5] = Sak;
        for (int s = 0; s < 16; s++)
        {
            byte[] trailer = _blocks[(s * 4) + 3];
            trailer.AsSpan(0, 6).Fill(0xFF);
            TransportAccess.CopyTo(trailer, 6);
            trailer.AsSpan(10, 6).Fill(0xFF);
        }
    }

    /// <summary>The card's UID.</summary>
    public byte[] Uid { get; }

    /// <summary>What the cards file calls it ("alice"); the simulator places cards by label or card number.</summary>
    public string Label { get; }

    /// <summary>Card number written at personalisation (null for a blank card).</summary>
    public string? CardNumber { get; internal set; }

    /// <summary>PIN the virtual holder types when asked (digits), or null to type nothing by itself.</summary>
    public string? HolderPin { get; internal set; }

    /// <summary>SAK of a MIFARE Classic 1K.</summary>
    public byte Sak => 0x08;

    /// <summary>ATQA: single-size UIDs answer 0x0004, double-size 0x0044, triple-size 0x0084.</summary>
    public ushort Atqa => Uid.Length switch { 4 => 0x0004, 7 => 0x0044, _ => 0x0084 };

    /// <summary>REQA/WUPA + select: the card answers and any previous authentication is dropped.</summary>
    internal void Select()
    {
        _authSector = -1;
    }

    internal bool Authenticate(int block, MifareKeyType keyType, ReadOnlySpan<byte> key)
    {
        _authSector = -1;
        if (block < 0 || block >= BlockCount || key.Length < 6)
        {
            return false;
        }

        int sector = block / 4;
        byte[] trailer = _blocks[(sector * 4) + 3];
        int trailerCondition = MifareAccess.Condition(trailer, 3);
        if (trailerCondition < 0)
        {
            return false;
        }

        bool useB = keyType == MifareKeyType.KeyB;
        if (useB && MifareAccess.KeyBReadable(trailerCondition))
        {
            return false; // a readable key B is data, not a key
        }

        ReadOnlySpan<byte> stored = trailer.AsSpan(useB ? 10 : 0, 6);
        if (!stored.SequenceEqual(key[..6]))
        {
            return false;
        }

        _authSector = sector;
        _authWithKeyB = useB;
        return true;
    }

    internal bool ReadBlock(int block, Span<byte> output)
    {
        if (!IsAuthenticatedFor(block, out int condition, out int trailerCondition))
        {
            return false;
        }

        byte[] source = _blocks[block];
        if (block % 4 != 3)
        {
            if (!MifareAccess.Allows(MifareAccess.DataRead(condition), _authWithKeyB))
            {
                return Fail();
            }

            source.CopyTo(output);
            return true;
        }

        // Trailer: key A always reads as zeros; access bits and key B only where the table allows.
        output[..BlockSize].Clear();
        if (MifareAccess.Allows(MifareAccess.TrailerAccessRead(trailerCondition), _authWithKeyB))
        {
            source.AsSpan(6, 4).CopyTo(output[6..]);
        }

        if (MifareAccess.Allows(MifareAccess.TrailerKeyBRead(trailerCondition), _authWithKeyB))
        {
            source.AsSpan(10, 6).CopyTo(output[10..]);
        }

        return true;
    }

    internal bool WriteBlock(int block, ReadOnlySpan<byte> data)
    {
        if (block == 0 || !IsAuthenticatedFor(block, out int condition, out int trailerCondition))
        {
            return block == 0 ? Fail() : false;
        }

        byte[] target = _blocks[block];
        if (block % 4 != 3)
        {
            if (!MifareAccess.Allows(MifareAccess.DataWrite(condition), _authWithKeyB))
            {
                return Fail();
            }

            data[..BlockSize].CopyTo(target);
            return true;
        }

        // A trailer write changes only the parts the current key may write; the rest stays as it was.
        bool keyA = MifareAccess.Allows(MifareAccess.TrailerKeyAWrite(trailerCondition), _authWithKeyB);
        bool access = MifareAccess.Allows(MifareAccess.TrailerAccessWrite(trailerCondition), _authWithKeyB);
        bool keyB = MifareAccess.Allows(MifareAccess.TrailerKeyBWrite(trailerCondition), _authWithKeyB);
        if (!keyA && !access && !keyB)
        {
            return Fail();
        }

        if (keyA)
        {
            data[..6].CopyTo(target);
        }

        if (access)
        {
            data.Slice(6, 4).CopyTo(target.AsSpan(6));
        }

        if (keyB)
        {
            data.Slice(10, 6).CopyTo(target.AsSpan(10));
        }

        return true;
    }

    internal void Halt()
    {
        _authSector = -1;
    }

    /// <summary>Raw block content regardless of keys (for tests and the console's `dump`).</summary>
    public byte[] PeekBlock(int block) => (byte[])_blocks[block].Clone();

    /// <summary>Overwrite a block regardless of keys: simulates a cloned or tampered card.</summary>
    public void TamperBlock(int block, ReadOnlySpan<byte> data) => data[..BlockSize].CopyTo(_blocks[block]);

    private bool IsAuthenticatedFor(int block, out int condition, out int trailerCondition)
    {
        condition = -1;
        trailerCondition = -1;
        if (block < 0 || block >= BlockCount || _authSector != block / 4)
        {
            return false;
        }

        byte[] trailer = _blocks[(_authSector * 4) + 3];
        condition = MifareAccess.Condition(trailer, block % 4);
        trailerCondition = MifareAccess.Condition(trailer, 3);
        return condition >= 0 && trailerCondition >= 0;
    }

    /// <summary>A refused command leaves the card HALTed: it needs a new select before anything else.</summary>
    private bool Fail()
    {
        _authSector = -1;
        return false;
    }

    /// <summary>The card's label and UID in hex.</summary>
    public override string ToString() => "VirtualMifareCard(" + Label + ", " + Convert.ToHexString(Uid) + ")";
}
