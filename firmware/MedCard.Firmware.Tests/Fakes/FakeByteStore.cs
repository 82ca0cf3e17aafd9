using System;
using System.Collections;
using System.IO;
using MedCard.Firmware.Hardware;

namespace MedCard.Firmware.Tests.Fakes
{
    /// <summary>
    /// In-memory I: drive. Can cut the power during write number <see cref="PowerCutAtWrite"/> (1-based, counted
    /// from construction) leaving the file torn as <see cref="Tear"/> says, then refuses every call until
    /// <see cref="PowerOn"/>; can also fail writes with an IOException (a write error without a power cut).
    /// </summary>
    public sealed class FakeByteStore : IByteStore
    {
        private readonly Hashtable _files = new Hashtable();

        /// <summary>Writes attempted so far (including the interrupted one).</summary>
        public int Writes;

        /// <summary>1-based index of the write the power cut interrupts; -1 = never.</summary>
        public int PowerCutAtWrite = -1;

        /// <summary>How the interrupted write tears the file.</summary>
        public TearMode Tear = TearMode.Truncated;

        /// <summary>Byte offset used by the tear modes.</summary>
        public int TearOffset;

        /// <summary>Next writes that fail with IOException (nothing written).</summary>
        public int FailWrites;

        /// <summary>Next reads that fail with IOException.</summary>
        public int FailReads;

        /// <summary>True after the power cut until <see cref="PowerOn"/>.</summary>
        public bool PoweredOff;

        public bool Exists(string name)
        {
            CheckPower();
            return _files.Contains(name);
        }

        public int Read(string name, byte[] buffer, int offset)
        {
            CheckPower();
            if (FailReads > 0)
            {
                FailReads--;
                throw new IOException("injected read failure");
            }

            byte[] content = (byte[])_files[name];
            if (content == null)
            {
                return -1;
            }

            int room = buffer.Length - offset;
            Array.Copy(content, 0, buffer, offset, content.Length < room ? content.Length : room);
            return content.Length;
        }

        public void Write(string name, byte[] data, int offset, int count)
        {
            CheckPower();
            Writes++;
            if (FailWrites > 0)
            {
                FailWrites--;
                throw new IOException("injected write failure");
            }

            byte[] fresh = new byte[count];
            Array.Copy(data, offset, fresh, 0, count);
            if (Writes == PowerCutAtWrite)
            {
                ApplyTear(name, fresh);
                PoweredOff = true;
                throw new PowerCutException("power cut during write " + Writes.ToString() + " of " + name);
            }

            _files[name] = fresh;
        }

        public void Delete(string name)
        {
            CheckPower();
            _files.Remove(name);
        }

        /// <summary>Power back on (the code under test is then rebuilt, like a reboot).</summary>
        public void PowerOn()
        {
            PoweredOff = false;
            PowerCutAtWrite = -1;
        }

        /// <summary>The raw content of a file, or null (for assertions).</summary>
        public byte[] Get(string name)
        {
            return (byte[])_files[name];
        }

        /// <summary>Replace a file's raw content (to simulate corruption).</summary>
        public void Put(string name, byte[] content)
        {
            _files[name] = content;
        }

        /// <summary>Number of files.</summary>
        public int FileCount
        {
            get { return _files.Count; }
        }

        /// <summary>True when any file contains the byte sequence (to prove a secret is gone).</summary>
        public bool AnyFileContains(byte[] needle)
        {
            foreach (DictionaryEntry entry in _files)
            {
                if (IndexOf((byte[])entry.Value, needle) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && haystack[i + j] == needle[j])
                {
                    j++;
                }

                if (j == needle.Length)
                {
                    return i;
                }
            }

            return -1;
        }

        private void ApplyTear(string name, byte[] fresh)
        {
            byte[] old = (byte[])_files[name];
            int k = TearOffset < fresh.Length ? TearOffset : fresh.Length;
            switch (Tear)
            {
                case TearMode.Untouched:
                    return;
                case TearMode.Missing:
                    _files.Remove(name);
                    return;
                case TearMode.Truncated:
                    byte[] prefix = new byte[k];
                    Array.Copy(fresh, prefix, k);
                    _files[name] = prefix;
                    return;
                case TearMode.NewPrefixOldSuffix:
                    int oldLength = old == null ? 0 : old.Length;
                    byte[] mixed = new byte[oldLength > k ? oldLength : k];
                    if (old != null)
                    {
                        Array.Copy(old, mixed, oldLength);
                    }

                    Array.Copy(fresh, mixed, k);
                    _files[name] = mixed;
                    return;
                case TearMode.Garbled:
                    byte[] garbled = new byte[fresh.Length];
                    Array.Copy(fresh, garbled, fresh.Length);
                    if (garbled.Length > 0)
                    {
                        garbled[TearOffset % garbled.Length] ^= 0xFF;
                    }

                    _files[name] = garbled;
                    return;
            }
        }

        private void CheckPower()
        {
            if (PoweredOff)
            {
                throw new PowerCutException("store used while the power is off");
            }
        }
    }
}
