namespace MedCard.Firmware.Hardware
{
    /// <summary>
    /// Small named files with the semantics of the nanoFramework <c>I:</c> drive (LittleFS):
    /// whole-file read and write, delete, exists. Names are flat (no folders), ASCII, at most 24 chars.
    /// A <see cref="Write"/> interrupted by a power cut may leave the file missing, short, or with
    /// torn bytes: the core's storage (Storage/) never trusts a file it has not CRC-checked.
    /// Errors other than "missing" surface as <see cref="System.IO.IOException"/>.
    /// </summary>
    public interface IByteStore
    {
        /// <summary>True when the file exists (it may still be torn).</summary>
        bool Exists(string name);

        /// <summary>
        /// Read the whole file into buffer[offset..]. Returns the file length, or -1 when the file
        /// does not exist. When the file is longer than the room left in the buffer, nothing beyond
        /// the room is copied but the real length is still returned, so the caller can detect it.
        /// </summary>
        int Read(string name, byte[] buffer, int offset);

        /// <summary>Create or replace the file with data[offset..offset+count). Not atomic.</summary>
        void Write(string name, byte[] data, int offset, int count);

        /// <summary>Delete the file; deleting a missing file is not an error.</summary>
        void Delete(string name);
    }
}
