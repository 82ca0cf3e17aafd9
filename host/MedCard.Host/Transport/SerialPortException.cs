namespace MedCard.Host.Transport
{
    /// <summary>A POSIX serial operation failed; <see cref="Errno"/> is the C library's error number.</summary>
    public sealed class SerialPortException : TransportException
    {
        public SerialPortException(string path, int errno, string message)
            : base(message)
        {
            Path = path;
            Errno = errno;
        }

        public string Path { get; }

        public int Errno { get; }
    }
}
