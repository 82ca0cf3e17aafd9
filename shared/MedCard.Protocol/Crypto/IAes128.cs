namespace MedCard.Protocol
{
    /// <summary>
    /// One raw AES-128 block operation (ECB on a single 16-byte block, no padding, no IV); modes are built on top by
    /// the caller (the ISO 9564 format 4 PIN block). Implemented with nanoFramework's Aes on the reader and .NET's
    /// Aes on the host (MedCard.Host.Crypto.DotNetAes128). Implementations must not log or retain the key.
    /// </summary>
    public interface IAes128
    {
        /// <summary>Enciphers input[inOff .. inOff+16) into output[outOff .. outOff+16) under a 16-byte key.</summary>
        void EncryptBlock(byte[] key, byte[] input, int inOff, byte[] output, int outOff);

        /// <summary>Deciphers input[inOff .. inOff+16) into output[outOff .. outOff+16) under a 16-byte key.</summary>
        void DecryptBlock(byte[] key, byte[] input, int inOff, byte[] output, int outOff);
    }
}
