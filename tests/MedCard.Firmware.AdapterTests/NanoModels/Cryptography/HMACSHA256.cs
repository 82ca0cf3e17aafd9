using MedCard.Firmware.AdapterTests.NanoModels.Cryptography;

namespace System.Security.Cryptography
{
    /// <summary>
    /// Model of nanoFramework's HMACSHA256. Sources: nanoframework/System.Security.Cryptography tag v1.0.43,
    /// System.Security.Cryptography/HMACSHA256.cs (managed part), and nanoframework/nf-interpreter (main, commit
    /// a3e8139a), src/nanoFramework.System.Security.Cryptography/nf_sys_sec_cryptography_System_Security_Cryptography_HMACSHA256.cpp
    /// (HashCore: mbedTLS HMAC over the whole key and source arrays, 32-byte result, neither argument written).
    /// The surprises kept here:
    /// <list type="bullet">
    /// <item>the key constructor stores the CALLER'S array, no copy (desktop .NET copies);</item>
    /// <item>Dispose() zeroes that array with Array.Clear, so a caller's live key becomes all zeros;</item>
    /// <item>ComputeHash and Hash after Dispose throw ObjectDisposedException; Hash before any ComputeHash dereferences
    /// a null field (NullReferenceException on the device);</item>
    /// <item>the Key property, unlike the constructor, clones on get and on set;</item>
    /// <item>the static HashData(key, source) is a one-shot that keeps and clears nothing.</item>
    /// </list>
    /// </summary>
    public class HMACSHA256 : IDisposable
    {
        private bool _disposed;
        private byte[] _keyValue;
        private byte[] _hashValue;

        /// <summary>64-byte random key (v1.0.43: <c>new Random().NextBytes</c>).</summary>
        public HMACSHA256()
        {
            _keyValue = new byte[64];
            new Random().NextBytes(_keyValue);
        }

        /// <summary>Keeps a reference to <paramref name="key"/> (v1.0.43: <c>_keyValue = key ?? throw</c>).</summary>
        public HMACSHA256(byte[] key)
        {
            _keyValue = key ?? throw new ArgumentNullException();
        }

        /// <summary>Clone of the last hash.</summary>
        public byte[] Hash
        {
            get
            {
                if (_disposed)
                {
                    throw new ObjectDisposedException(nameof(HMACSHA256));
                }

                return (byte[])_hashValue.Clone();
            }
        }

        /// <summary>Cloned on get and on set (a null value fails on the Clone call, before the null check).</summary>
        public byte[] Key
        {
            get { return (byte[])_keyValue.Clone(); }
            set { _keyValue = (byte[])value.Clone(); }
        }

        /// <summary>HMAC of the whole buffer with the (referenced) key.</summary>
        public byte[] ComputeHash(byte[] buffer)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(HMACSHA256));
            }

            _hashValue = HashCore(_keyValue, buffer);
            return (byte[])_hashValue.Clone();
        }

        /// <summary>One-shot HMAC; touches neither array.</summary>
        public static byte[] HashData(byte[] key, byte[] source)
        {
            return HashCore(key, source);
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Zeroes the key array it was given (the caller's own array when built with the key constructor).</summary>
        protected void Dispose(bool disposing)
        {
            if (disposing)
            {
                if (_keyValue != null)
                {
                    Array.Clear(_keyValue, 0, _keyValue.Length);
                }

                _keyValue = null;
                _disposed = true;
            }
        }

        private static byte[] HashCore(byte[] key, byte[] source)
        {
            // Native: FAULT_ON_NULL_ARG on either array.
            if (key == null || source == null)
            {
                throw new ArgumentNullException(key == null ? "key" : "source");
            }

            return DesktopPrimitives.HmacSha256(key, source);
        }
    }
}
