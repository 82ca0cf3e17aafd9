namespace MedCard.Host.Transport
{
    /// <summary>A POSIX serial operation failed; <see cref="Errno"/> is the C library's error number.</summary>
    public sealed class SerialPortException : TransportException
    {
        /// <summary>A failed operation on <paramref name="path"/> with C error <paramref name="errno"/>.</summary>
        public SerialPortException(string path, int errno, string message)
            : base(message)
        {
            Path = path;
            Errno = errno;
        }

        /// <summary>The device path.</summary>
        public string Path { get; }

        /// <summary>The C library's error number.</summary>
        public int Errno { get; }
    }
}
