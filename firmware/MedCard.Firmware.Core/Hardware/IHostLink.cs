namespace MedCard.Firmware.Hardware
{
    /// <summary>
    /// The byte pipe to the host (SerialPort "COM2" on the device). Polled, never event driven:
    /// the core asks how much is waiting and reads exactly that, so no call ever blocks.
    /// </summary>
    public interface IHostLink
    {
        /// <summary>Bytes that can be read right now without waiting.</summary>
        int BytesAvailable { get; }

        /// <summary>
        /// Read up to <paramref name="count"/> bytes that are already available into
        /// buffer[offset..]; returns how many were read (0 when none). Must not block.
        /// </summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Queue data[offset..offset+count) for sending (may block until it fits in the driver's buffer).</summary>
        void Write(byte[] data, int offset, int count);
    }
}
