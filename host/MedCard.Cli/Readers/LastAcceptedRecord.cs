using System.IO;
using MedCard.Protocol;

namespace MedCard.Cli.Readers;

/// <summary>
/// The host's copy of the last record it accepted from an in-process reader, kept beside the reader's flash: what
/// <c>--fault replay</c> submits again. Records are signed, not secret; nothing else is kept.
/// </summary>
internal static class LastAcceptedRecord
{
    private const string FileName = "host-last-record";

    public static void Save(string readerDirectory, SignedRecord record)
    {
        byte[] bytes = new byte[record.EncodedLength];
        record.Encode(bytes, 0);
        File.WriteAllBytes(Path.Combine(readerDirectory, FileName), bytes);
    }

    public static SignedRecord? Load(string readerDirectory)
    {
        string path = Path.Combine(readerDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        byte[] bytes = File.ReadAllBytes(path);
        return SignedRecord.Decode(bytes, 0, bytes.Length);
    }
}
