namespace MedCard.Firmware.Tests.Fakes
{
    /// <summary>The operations of the reader's byte store (<c>IByteStore</c>), as <see cref="FakeByteStore"/> counts them.</summary>
    public enum StorageOp
    {
        /// <summary><c>Exists</c>.</summary>
        Exists = 0,

        /// <summary><c>Read</c> (whole file).</summary>
        Read = 1,

        /// <summary><c>Write</c> (create or replace the whole file, flushed and closed).</summary>
        Write = 2,

        /// <summary><c>Delete</c>.</summary>
        Delete = 3,
    }
}
