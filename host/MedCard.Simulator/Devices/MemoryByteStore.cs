using System;
using System.Collections.Concurrent;
using MedCard.Firmware.Hardware;

namespace MedCard.Simulator.Devices
{
    /// <summary>The reader's I: drive in memory (a reader that forgets everything when the process ends).</summary>
    public sealed class MemoryByteStore : IByteStore
    {
        private readonly ConcurrentDictionary<string, byte[]> _files = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);

        public bool Exists(string name) => _files.ContainsKey(name);

        public int Read(string name, byte[] buffer, int offset)
        {
            if (!_files.TryGetValue(name, out byte[]? data))
            {
                return -1;
            }
            int room = Math.Max(0, buffer.Length - offset);
            Array.Copy(data, 0, buffer, offset, Math.Min(room, data.Length));
            return data.Length;
        }

        public void Write(string name, byte[] data, int offset, int count) => _files[name] = data.AsSpan(offset, count).ToArray();

        public void Delete(string name) => _files.TryRemove(name, out _);
    }
}
