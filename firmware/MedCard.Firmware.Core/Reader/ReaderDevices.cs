using MedCard.Firmware.Hardware;
using MedCard.Firmware.Keypad;
using MedCard.Protocol;

namespace MedCard.Firmware.Reader
{
    /// <summary>
    /// Everything the reader core runs on, supplied by the nanoFramework app (real adapters) or by tests
    /// (fakes). Plain fields so it can be filled in without generics or builders.
    /// </summary>
    public sealed class ReaderDevices
    {
        /// <summary>Contactless front end (MFRC522).</summary>
        public ICardField CardField;

        /// <summary>Keypad matrix pins; null on a reader without keypad (PIN requests then time out).</summary>
        public IKeypadPins KeypadPins;

        /// <summary>Legend of the keypad; defaults to the 4x4 layout.</summary>
        public KeypadLayout KeypadLayout;

        /// <summary>Persistent small files (the I: drive).</summary>
        public IByteStore Store;

        /// <summary>UTC clock, set from the host.</summary>
        public IWallClock WallClock;

        /// <summary>Serial link to the host.</summary>
        public IHostLink HostLink;

        /// <summary>LEDs and buzzer.</summary>
        public IFeedback Feedback;

        /// <summary>Random bytes for PIN blocks.</summary>
        public IEntropySource Entropy;

        /// <summary>HMAC-SHA256 implementation.</summary>
        public IHmacSha256 Hmac;

        /// <summary>AES-128 block cipher.</summary>
        public IAes128 Aes;

        /// <summary>Board name reported in Capabilities (1-32 printable ASCII).</summary>
        public string BoardName = "unknown";
    }
}
