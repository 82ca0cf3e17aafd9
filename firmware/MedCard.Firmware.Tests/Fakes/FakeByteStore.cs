using System;
using System.Collections;
using System.IO;
using MedCard.Firmware.Hardware;

namespace MedCard.Firmware.Tests.Fakes
{
    /// <summary>
    /// In-memory I: drive with the semantics of nanoFramework's file system as the app's adapter uses it. Faults:
    /// <list type="bullet">
    /// <item>the simple knobs: a power cut during write number <see cref="PowerCutAtWrite"/> (1-based, counted from
    /// construction) leaving the file torn as <see cref="Tear"/> says; the next <see cref="FailWrites"/> writes or
    /// <see cref="FailReads"/> reads fail with IOException;</item>
    /// <item>the fault plan (<see cref="Arm"/>): up to two <see cref="StorageFault"/>s, each at a given operation number
    /// (<see cref="Ops"/> counts every Exists, Read, Write and Delete), a power cut or a transient error, with what a
    /// faulted Write or Delete leaves behind (<see cref="FaultEffect"/>).</item>
    /// </list>
    /// After a power cut every call throws <see cref="PowerCutException"/> until <see cref="PowerOn"/>.
    /// <para>Behaviour of the real thing this copies (nanoframework/System.IO.FileSystem, tag v1.1.93):
    /// <c>File.Exists</c> catches every exception and answers false (System.IO.FileSystem/File.cs, Exists), so an
    /// error in Exists looks like a missing file; <c>File.Delete</c> of a missing file is a no-op (File.cs, Delete);
    /// <c>FileMode.Create</c> truncates an existing file before the first byte is written (FileStream.cs, CreateFile /
    /// TruncateFile), so a write that fails early can leave the file empty or gone; data reaches flash at
    /// <c>Flush</c>/close (FileStream.cs, Flush), so an error there can come after every byte landed
    /// (<see cref="FaultEffect.Landed"/>). <c>File.Move</c> refuses an existing destination (File.cs, Move: IOException
    /// PathAlreadyExists) and there is no rename over a file: the byte store has no move or rename, and the core's
    /// crash safety never relies on one (two slots instead), so the fake offers none. LittleFS itself is
    /// copy-on-write; the torn effects are deliberately harsher, so the core does not depend on the file system.</para>
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

        /// <summary>Storage operations attempted so far (Exists, Read, Write, Delete; including faulted ones).</summary>
        public int Ops;

        /// <summary>When not null, every operation is appended as a <see cref="LoggedOp"/>.</summary>
        public ArrayList Log;

        private StorageFault _first;
        private StorageFault _second;

        /// <summary>Inject <paramref name="first"/> and <paramref name="second"/> (either may be null) at their operation numbers.</summary>
        public void Arm(StorageFault first, StorageFault second)
        {
            _first = first;
            _second = second;
        }

        /// <summary>Drop the fault plan (the errors have cleared).</summary>
        public void Disarm()
        {
            _first = null;
            _second = null;
        }

        /// <summary>Copy every file of <paramref name="other"/> (a snapshot to start scenarios from); counters are not copied.</summary>
        public void CopyFilesFrom(FakeByteStore other)
        {
            _files.Clear();
            foreach (DictionaryEntry entry in other._files)
            {
                byte[] content = (byte[])entry.Value;
                byte[] copy = new byte[content.Length];
                Array.Copy(content, copy, content.Length);
                _files[entry.Key] = copy;
            }
        }

        public bool Exists(string name)
        {
            CheckPower();
            StorageFault fault = Next(StorageOp.Exists, name, 0);
            if (fault != null)
            {
                Hit(fault, false);
                return false;
            }

            return _files.Contains(name);
        }

        public int Read(string name, byte[] buffer, int offset)
        {
            CheckPower();
            StorageFault fault = Next(StorageOp.Read, name, 0);
            if (fault != null)
            {
                Hit(fault, true);
            }

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
            StorageFault fault = Next(StorageOp.Write, name, count);
            if (FailWrites > 0)
            {
                FailWrites--;
                throw new IOException("injected write failure");
            }

            byte[] fresh = new byte[count];
            Array.Copy(data, offset, fresh, 0, count);
            if (fault != null)
            {
                ApplyTear(name, fresh, fault.Effect, fault.Offset);
                Hit(fault, true);
            }

            if (Writes == PowerCutAtWrite)
            {
                ApplyTear(name, fresh, (FaultEffect)(int)Tear, TearOffset);
                PoweredOff = true;
                throw new PowerCutException("power cut during write " + Writes.ToString() + " of " + name);
            }

            _files[name] = fresh;
        }

        public void Delete(string name)
        {
            CheckPower();
            StorageFault fault = Next(StorageOp.Delete, name, 0);
            if (fault != null)
            {
                if (fault.Effect == FaultEffect.Missing)
                {
                    _files.Remove(name);
                }

                Hit(fault, true);
            }

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

        // Counts the operation, logs it, and returns the armed fault that hits it (or null).
        private StorageFault Next(StorageOp op, string name, int length)
        {
            Ops++;
            if (Log != null)
            {
                LoggedOp logged = new LoggedOp();
                logged.Number = Ops;
                logged.Op = op;
                logged.Name = name;
                logged.Length = length;
                Log.Add(logged);
            }

            StorageFault fault = null;
            if (_first != null && _first.AtOp == Ops)
            {
                fault = _first;
            }
            else if (_second != null && _second.AtOp == Ops)
            {
                fault = _second;
            }

            if (fault != null)
            {
                fault.Fired = true;
                fault.HitOp = op;
                fault.HitName = name;
            }

            return fault;
        }

        // The fault's consequence for the caller: the CPU stops, or the operation reports an error.
        private void Hit(StorageFault fault, bool throws)
        {
            if (fault.Kind == FaultKind.PowerCut)
            {
                PoweredOff = true;
                throw new PowerCutException("power cut at " + fault.Describe());
            }

            if (throws)
            {
                throw new IOException("injected error at " + fault.Describe());
            }
        }

        private void ApplyTear(string name, byte[] fresh, FaultEffect effect, int offset)
        {
            byte[] old = (byte[])_files[name];
            int k = offset < fresh.Length ? offset : fresh.Length;
            switch (effect)
            {
                case FaultEffect.Untouched:
                    return;
                case FaultEffect.Landed:
                    _files[name] = fresh;
                    return;
                case FaultEffect.Missing:
                    _files.Remove(name);
                    return;
                case FaultEffect.Truncated:
                    byte[] prefix = new byte[k];
                    Array.Copy(fresh, prefix, k);
                    _files[name] = prefix;
                    return;
                case FaultEffect.NewPrefixOldSuffix:
                    int oldLength = old == null ? 0 : old.Length;
                    byte[] mixed = new byte[oldLength > k ? oldLength : k];
                    if (old != null)
                    {
                        Array.Copy(old, mixed, oldLength);
                    }

                    Array.Copy(fresh, mixed, k);
                    _files[name] = mixed;
                    return;
                case FaultEffect.Garbled:
                    byte[] garbled = new byte[fresh.Length];
                    Array.Copy(fresh, garbled, fresh.Length);
                    if (garbled.Length > 0)
                    {
                        garbled[offset % garbled.Length] ^= 0xFF;
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
