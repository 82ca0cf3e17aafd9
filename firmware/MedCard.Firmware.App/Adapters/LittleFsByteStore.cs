using System;
using System.IO;
using MedCard.Firmware.Hardware;

namespace MedCard.Firmware.App.Adapters
{
    /// <summary>
    /// <see cref="IByteStore"/> on the ESP32's internal <c>I:</c> drive (LittleFS). Whole-file writes through
    /// FileMode.Create; crash safety is the core's job (two alternating slots with sequence number and CRC),
    /// because a power cut during a write here can leave the file missing, short or torn.
    /// <para>
    /// "Missing" is never taken from one answer of the file system. On the ESP32 every existence question goes through
    /// NativeIO.GetAttributes, and the LittleFS driver answers a failed <c>stat</c> (any error, not only "no such file")
    /// with "not found": File.Exists is false, FileStream(Open) throws FileNotFound and File.Delete does nothing
    /// (nanoframework/System.IO.FileSystem v1.1.93 File.cs, FileStream.cs; nf-interpreter
    /// targets/ESP32/_littlefs/littlefs_FS_Driver.cpp GetAttributes). So whenever a file looks absent, the adapter
    /// asks the directory (<see cref="IsListed"/>) before it says so; a file that is listed but could not be seen is
    /// an IOException, as the core's contract requires.
    /// </para>
    /// </summary>
    public sealed class LittleFsByteStore : IByteStore
    {
        /// <summary>Longest file name the core uses.</summary>
        public const int MaxNameLength = 24;

        private readonly string _root;

        /// <summary>Store files directly under <paramref name="root"/>, e.g. <c>I:\</c>.</summary>
        public LittleFsByteStore(string root)
        {
            if (root == null || root.Length == 0)
            {
                throw new ArgumentNullException("root");
            }

            _root = root;
        }

        /// <inheritdoc/>
        public bool Exists(string name)
        {
            // A listed file exists even when its stat failed; the answer is true either way.
            return File.Exists(PathOf(name)) || IsListed(name);
        }

        /// <inheritdoc/>
        public int Read(string name, byte[] buffer, int offset)
        {
            if (buffer == null || offset < 0 || offset > buffer.Length)
            {
                throw new ArgumentException("buffer");
            }

            string path = PathOf(name);
            if (!File.Exists(path))
            {
                if (IsListed(name))
                {
                    throw new IOException("cannot read " + name);
                }

                return -1;
            }

            // From here a failed stat is FileNotFound and a failed fread an IOException: both pass up as errors.
            using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                int length = (int)stream.Length;
                int room = buffer.Length - offset;
                int wanted = length < room ? length : room;
                int done = 0;
                while (done < wanted)
                {
                    int n = stream.Read(buffer, offset + done, wanted - done);
                    if (n <= 0)
                    {
                        // The file shrank under us (torn): report what the directory said; the CRC will reject it.
                        break;
                    }

                    done += n;
                }

                return length;
            }
        }

        /// <inheritdoc/>
        public void Write(string name, byte[] data, int offset, int count)
        {
            if (data == null || offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentException("data");
            }

            using (FileStream stream = new FileStream(PathOf(name), FileMode.Create, FileAccess.Write))
            {
                stream.Write(data, offset, count);
                stream.Flush();
            }
        }

        /// <inheritdoc/>
        public void Delete(string name)
        {
            // File.Delete is a no-op when its stat fails, so only the directory can confirm the file is gone.
            File.Delete(PathOf(name));
            if (IsListed(name))
            {
                throw new IOException("cannot delete " + name);
            }
        }

        /// <summary>
        /// True when a listing of the root names the file. nanoFramework's Directory.GetFiles throws only when the
        /// folder's own stat fails; a failed opendir or readdir just ends the listing early (nf-interpreter
        /// src/System.IO.FileSystem/nf_sys_io_filesystem_System_IO_Directory.cpp ignores FindOpen/FindNext results).
        /// A name is therefore taken as absent only when two listings both lack it: with the stat that already said
        /// "missing", that takes three failed operations in one call.
        /// </summary>
        private bool IsListed(string name)
        {
            return ListingNames(name) || ListingNames(name);
        }

        private bool ListingNames(string name)
        {
            string[] files = Directory.GetFiles(_root);
            for (int i = 0; i < files.Length; i++)
            {
                string entry = files[i];
                if (entry != null && entry.Length > name.Length && entry.EndsWith(name)
                    && (entry[entry.Length - name.Length - 1] == '\\' || entry[entry.Length - name.Length - 1] == '/'))
                {
                    return true;
                }
            }

            return false;
        }

        private string PathOf(string name)
        {
            if (name == null || name.Length == 0 || name.Length > MaxNameLength)
            {
                throw new ArgumentException("name");
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
                if (!ok)
                {
                    throw new ArgumentException("name");
                }
            }

            return _root + name;
        }
    }
}
