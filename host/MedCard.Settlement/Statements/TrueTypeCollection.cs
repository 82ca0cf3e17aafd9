using System;
using System.Buffers.Binary;

namespace MedCard.Settlement.Statements;

/// <summary>
/// PDFsharp 6.2.4 reads single TrueType fonts but not collections (.ttc, as WenQuanYi Micro Hei and Microsoft YaHei
/// ship): this copies the collection's first face out into a standalone font, table for table (the tables are
/// unchanged, only their offsets move).
/// </summary>
internal static class TrueTypeCollection
{
    /// <summary><paramref name="font"/> itself when it is not a collection, else its first face as a font of its own.</summary>
    public static byte[] FirstFace(byte[] font)
    {
        if (font.Length < 16 || font[0] != 't' || font[1] != 't' || font[2] != 'c' || font[3] != 'f')
        {
            return font;
        }

        int face = checked((int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(12)));
        int tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(face + 4));
        int directory = 12 + 16 * tables;
        int size = directory;
        for (int i = 0; i < tables; i++)
        {
            size = checked(size + Padded((int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(face + 12 + 16 * i + 12))));
        }

        var result = new byte[size];
        font.AsSpan(face, directory).CopyTo(result);
        int at = directory;
        for (int i = 0; i < tables; i++)
        {
            int record = 12 + 16 * i;
            int offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(face + record + 8)));
            int length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(face + record + 12)));
            font.AsSpan(offset, length).CopyTo(result.AsSpan(at));
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(record + 8), (uint)at);
            at += Padded(length);
        }

        return result;
    }

    private static int Padded(int length) => (length + 3) & ~3;
}
