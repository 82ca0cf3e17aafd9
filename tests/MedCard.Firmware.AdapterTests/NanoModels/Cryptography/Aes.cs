using MedCard.Firmware.AdapterTests.NanoModels.Cryptography;

namespace System.Security.Cryptography
{
    /// <summary>
    /// Model of nanoFramework's Aes. Sources: nanoframework/System.Security.Cryptography tag v1.0.43,
    /// System.Security.Cryptography/Aes.cs (managed part), and nanoframework/nf-interpreter (main, commit a3e8139a),
    /// src/nanoFramework.System.Security.Cryptography/nf_sys_sec_cryptography_System_Security_Cryptography_Aes.cpp.
    /// Behaviour kept here:
    /// <list type="bullet">
    /// <item>not IDisposable and no Clear(): nothing ever wipes the key; the Key and IV properties store and return the
    /// caller's array itself (no copy either way), so wiping <c>aes.Key</c> wipes the caller's key;</item>
    /// <item>no padding: input must be a multiple of 16 bytes (native CLR_E_INVALID_PARAMETER, ArgumentException);</item>
    /// <item>no key set: InvalidOperationException; key length not 16/24/32 (mbedTLS setkey): ArgumentException;</item>
    /// <item>Mode None: NotSupportedException; the result is a new array of the input's length;</item>
    /// <item>a CBC instance gets a random 16-byte IV at construction.</item>
    /// </list>
    /// CBC encryption itself is not modelled (no adapter uses it; it throws NotImplementedException here).
    /// </summary>
    public class Aes
    {
        private CipherMode _mode;
        private byte[] _key;
        private byte[] _iv;

        /// <summary>Create for <paramref name="mode"/>; CBC draws a random IV.</summary>
        public Aes(CipherMode mode)
        {
            _mode = mode;
            if (mode == CipherMode.CBC)
            {
                _iv = new byte[16];
                GenerateIV();
            }
        }

        /// <summary>The mode; changeable at any time.</summary>
        public CipherMode Mode
        {
            get { return _mode; }
            set { _mode = value; }
        }

        /// <summary>The caller's key array itself.</summary>
        public byte[] Key
        {
            get { return _key; }
            set { _key = value; }
        }

        /// <summary>The caller's IV array itself.</summary>
        public byte[] IV
        {
            get { return _iv; }
            set { _iv = value; }
        }

        /// <summary>Fill the IV array with random bytes (fails on a null IV, as on the device).</summary>
        public void GenerateIV()
        {
            new Random().NextBytes(_iv);
        }

        /// <summary>Encrypt whole 16-byte blocks in <see cref="Mode"/>.</summary>
        public byte[] Encrypt(byte[] data)
        {
            return Run(true, data);
        }

        /// <summary>Decrypt whole 16-byte blocks in <see cref="Mode"/>.</summary>
        public byte[] Decrypt(byte[] data)
        {
            return Run(false, data);
        }

        private byte[] Run(bool encrypt, byte[] data)
        {
            if (_mode == CipherMode.CBC)
            {
                throw new NotImplementedException("model: AES-CBC is not modelled");
            }

            if (_mode != CipherMode.ECB)
            {
                throw new NotSupportedException();
            }

            if (_key == null)
            {
                throw new InvalidOperationException();
            }

            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            if (data.Length % 16 != 0 || (_key.Length != 16 && _key.Length != 24 && _key.Length != 32))
            {
                throw new ArgumentException();
            }

            return DesktopPrimitives.AesEcb(encrypt, _key, data);
        }
    }
}
