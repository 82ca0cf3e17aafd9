namespace System.Security.Cryptography
{
    /// <summary>
    /// nanoFramework's CipherMode (nanoframework/System.Security.Cryptography v1.0.43, CipherMode.cs): only None 0,
    /// CBC 1 and ECB 2 exist.
    /// </summary>
    public enum CipherMode
    {
        /// <summary>No mode: Encrypt/Decrypt throw NotSupportedException.</summary>
        None = 0,

        /// <summary>Cipher block chaining.</summary>
        CBC = 1,

        /// <summary>Electronic codebook.</summary>
        ECB = 2,
    }
}
