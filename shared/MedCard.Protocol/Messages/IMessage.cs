namespace MedCard.Protocol
{
    /// <summary>
    /// What every message class offers, so dispatch and framing work without generics. Each class also has
    /// static TryDecode(byte[] buf, int off, int count, out T message) : DecodeStatus and Decode(...) which
    /// throws FormatException.
    /// </summary>
    public interface IMessage
    {
        /// <summary>The header type this message travels under.</summary>
        MessageType Type { get; }

        /// <summary>Writes the payload at buf[off] and returns its length.</summary>
        int Encode(byte[] buf, int off);
    }
}
