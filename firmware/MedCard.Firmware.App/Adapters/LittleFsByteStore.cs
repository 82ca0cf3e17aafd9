using System;
using System.IO;
using MedCard.Firmware.Hardware;

namespace MedCard.Firmware.App.Adapters
{
    /// <summary>
    /// <see cref="IByteStore"/> on the ESP32's internal <c>I:</c> drive (LittleFS). Whole-file writes through
    /// FileMode.Create; crash safety is the core's job (two alternating slots with sequence number and CRC),
    /// because a power cut during a write here can leave the file missing, short or torn.
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
            return File.Exists(PathOf(name));
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
                return -1;
            }

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
            string path = PathOf(name);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
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
