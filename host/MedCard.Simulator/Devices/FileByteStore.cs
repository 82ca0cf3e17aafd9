using System;
using System.IO;
using MedCard.Firmware.Hardware;

namespace MedCard.Simulator.Devices
{
    /// <summary>
    /// The reader's I: drive as a directory: one host file per store file. Writes are plain (not
    /// atomic), like LittleFS under a power cut; the firmware's dual-slot files cope with that.
    /// </summary>
    public sealed class FileByteStore : IByteStore
    {
        private readonly string _directory;

        public FileByteStore(string directory)
        {
            ArgumentException.ThrowIfNullOrEmpty(directory);
            Directory.CreateDirectory(directory);
            _directory = directory;
        }

        public bool Exists(string name) => File.Exists(PathOf(name));

        public int Read(string name, byte[] buffer, int offset)
        {
            string path = PathOf(name);
            if (!File.Exists(path))
            {
                return -1;
            }
            byte[] data = File.ReadAllBytes(path);
            int room = Math.Max(0, buffer.Length - offset);
            Array.Copy(data, 0, buffer, offset, Math.Min(room, data.Length));
            return data.Length;
        }

        public void Write(string name, byte[] data, int offset, int count)
        {
            using var file = new FileStream(PathOf(name), FileMode.Create, FileAccess.Write);
            file.Write(data, offset, count);
        }

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
            if (string.IsNullOrEmpty(name) || name.Length > 24 || name.IndexOfAny(new[] { '/', '\\', '.' }) >= 0)
            {
                throw new ArgumentException("Store names are flat ASCII, at most 24 characters.", nameof(name));
            }
            return Path.Combine(_directory, name);
        }
    }
}
