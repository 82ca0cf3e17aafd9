namespace MedCard.Firmware.Tests.Fakes
{
    /// <summary>One storage operation as <see cref="FakeByteStore.Log"/> records it (to enumerate fault points).</summary>
    public sealed class LoggedOp
    {
        /// <summary>1-based operation number.</summary>
        public int Number;

        /// <summary>Which operation.</summary>
        public StorageOp Op;

        /// <summary>File name.</summary>
        public string Name;

        /// <summary>Bytes written (Write only).</summary>
        public int Length;
    }
}
