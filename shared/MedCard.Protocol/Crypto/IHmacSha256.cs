namespace MedCard.Protocol
{
    /// <summary>
    /// HMAC-SHA256 behind an interface: the reader implements it with nanoFramework's
    /// System.Security.Cryptography.HMACSHA256, the host with .NET's (MedCard.Host.Crypto.DotNetHmacSha256).
    /// Implementations must not log or retain the key.
    /// </summary>
    public interface IHmacSha256
    {
        /// <summary>Returns the full 32-byte HMAC-SHA256 of data[offset .. offset+count) under key.</summary>
        byte[] Compute(byte[] key, byte[] data, int offset, int count);
    }
}
