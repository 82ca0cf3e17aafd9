using System;
using System.Collections.Generic;
using System.IO;

namespace MedCard.Firmware.AdapterTests.NanoModels.FileSystem
{
    /// <summary>
    /// The modelled ESP32 <c>I:</c> drive: nanoFramework mounts one LittleFS partition as I: (nanoframework/nf-interpreter
    /// main, commit a3e8139a, targets/ESP32/ESP32/target_FileSystem.cpp) and drives it through ESP-IDF's stdio
    /// (targets/ESP32/_littlefs/littlefs_FS_Driver.cpp: Open = fopen "r+" for an existing file, "w+" to create one; Write =
    /// fwrite + fflush; Flush = fflush; Close = fclose; Move = rename after the managed existence checks). LittleFS
    /// (littlefs-project/littlefs, lfs.h) commits a file's new contents only at sync or close; fflush does not sync. So
    /// in this model:
    /// <list type="bullet">
    /// <item>creating a file makes an empty file durable at once;</item>
    /// <item>writes, truncation and Flush change only the open handle's view; Close (Dispose) commits them atomically;</item>
    /// <item>a power cut (<see cref="PowerCut"/>) loses every uncommitted change and leaves each file either old or new;</item>
    /// <item>the managed layer's open list compares names upper-cased (FileSystemManager.AddToOpenList), while LittleFS
    /// names are case-sensitive.</item>
    /// <item>transient I/O errors (<see cref="FailOperations"/>) hit native operations one at a time; what each
    /// one looks like to managed code is modelled where the operation is: a failed <c>stat</c> is "missing" (see
    /// <see cref="Stat"/>), a failed <c>fread</c> or <c>remove</c> an IOException, a failed directory read a short
    /// listing (see <see cref="Directory"/>).</item>
    /// </list>
    /// Only files directly under <c>I:\</c> are modelled (no directories).
    /// </summary>
    public static class LittleFsDrive
    {
        /// <summary>The drive root.</summary>
        public const string Root = "I:\\";

        private static readonly object Sync = new object();
        private static readonly Dictionary<string, byte[]> Durable = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        private static readonly List<OpenRecord> OpenFiles = new List<OpenRecord>();
        private static readonly List<int> FailingOperations = new List<int>();
        private static int _generation;
        private static int _operations;

        internal static object Lock
        {
            get { return Sync; }
        }

        /// <summary>Power lost: every open handle dies and uncommitted changes are gone.</summary>
        public static void PowerCut()
        {
            lock (Sync)
            {
                OpenFiles.Clear();
                _generation++;
            }
        }

        /// <summary>A freshly formatted drive (and no open files).</summary>
        public static void Format()
        {
            lock (Sync)
            {
                Durable.Clear();
                OpenFiles.Clear();
                FailingOperations.Clear();
                _operations = 0;
                _generation++;
            }
        }

        /// <summary>
        /// Model hook: the native operations numbered <paramref name="numbers"/> (1 = the next one) fail once each
        /// (a transient I/O error). Replaces any earlier plan and restarts <see cref="OperationCount"/>.
        /// </summary>
        public static void FailOperations(params int[] numbers)
        {
            lock (Sync)
            {
                FailingOperations.Clear();
                FailingOperations.AddRange(numbers);
                _operations = 0;
            }
        }

        /// <summary>Model hook: native operations (stat, fread, remove, opendir, readdir) since the last <see cref="FailOperations"/>.</summary>
        public static int OperationCount
        {
            get
            {
                lock (Sync)
                {
                    return _operations;
                }
            }
        }

        /// <summary>What is on flash for <paramref name="path"/> (null when absent).</summary>
        public static byte[] DurableContent(string path)
        {
            lock (Sync)
            {
                byte[] data;
                return Durable.TryGetValue(NameOf(path), out data) ? (byte[])data.Clone() : null;
            }
        }

        /// <summary>Put a file on flash directly (test set-up).</summary>
        public static void Seed(string path, byte[] content)
        {
            lock (Sync)
            {
                Durable[NameOf(path)] = (byte[])content.Clone();
            }
        }

        /// <summary>Names of the files on flash.</summary>
        public static string[] Files()
        {
            lock (Sync)
            {
                string[] names = new string[Durable.Count];
                Durable.Keys.CopyTo(names, 0);
                return names;
            }
        }

        internal static int Generation
        {
            get { return _generation; }
        }

        internal static string NameOf(string path)
        {
            if (path == null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            if (!path.StartsWith(Root, StringComparison.OrdinalIgnoreCase))
            {
                throw Error(NanoIOError.VolumeNotFound);
            }

            string name = path.Substring(Root.Length);
            if (name.IndexOf('\\') >= 0 || name.IndexOf('/') >= 0)
            {
                throw Error(NanoIOError.DirectoryNotFound);
            }

            return name;
        }

        internal static bool Exists(string name)
        {
            return Durable.ContainsKey(name);
        }

        /// <summary>
        /// NativeIO.GetAttributes on the LittleFS driver: <c>stat</c> returning -1 for ANY reason (not only ENOENT) is
        /// answered with EMPTY_ATTRIBUTE and S_OK, i.e. "not found" with no exception (nf-interpreter
        /// targets/ESP32/_littlefs/littlefs_FS_Driver.cpp, GetAttributes). So a failed stat is "missing" everywhere
        /// it is used: File.Exists, File.Delete (a silent no-op), FileStream's open (FileNotFound), Directory.Exists.
        /// </summary>
        internal static bool Stat(string name)
        {
            return !NextOperationFails() && Durable.ContainsKey(name);
        }

        /// <summary>
        /// A native operation whose failure surfaces as CLR_E_FILE_IO, which the CLR throws as an IOException
        /// (fread in the driver's Read, remove in Delete: littlefs_FS_Driver.cpp).
        /// </summary>
        internal static void Operation()
        {
            if (NextOperationFails())
            {
                throw Error(NanoIOError.Others);
            }
        }

        /// <summary>Count one native operation; true when the fault plan makes it fail.</summary>
        internal static bool NextOperationFails()
        {
            _operations++;
            return FailingOperations.Contains(_operations);
        }

        /// <summary>The names on flash, in a stable (ordinal) order, as readdir would walk them.</summary>
        internal static string[] SortedNames()
        {
            string[] names = new string[Durable.Count];
            Durable.Keys.CopyTo(names, 0);
            Array.Sort(names, StringComparer.Ordinal);
            return names;
        }

        internal static byte[] Read(string name)
        {
            return (byte[])Durable[name].Clone();
        }

        internal static void Commit(string name, byte[] content)
        {
            Durable[name] = content;
        }

        internal static void Remove(string name)
        {
            Durable.Remove(name);
        }

        /// <summary>FileSystemManager.AddToOpenList: only ReadWrite-shared re-opens with matching access are allowed.</summary>
        internal static OpenRecord AddToOpenList(string name, FileAccess access, FileShare share)
        {
            string key = name.ToUpperInvariant();
            foreach (OpenRecord current in OpenFiles)
            {
                if (current.Key == key && (share != FileShare.ReadWrite || ((int)current.Share & (int)access) != (int)access))
                {
                    throw Error(NanoIOError.UnauthorizedAccess);
                }
            }

            OpenRecord record = new OpenRecord(key, share);
            OpenFiles.Add(record);
            return record;
        }

        internal static void RemoveFromOpenList(OpenRecord record)
        {
            OpenFiles.Remove(record);
        }

        internal static IOException Error(NanoIOError code)
        {
            return new IOException(string.Empty, (int)code);
        }

        internal sealed class OpenRecord
        {
            public OpenRecord(string key, FileShare share)
            {
                Key = key;
                Share = share;
            }

            public string Key { get; }

            public FileShare Share { get; }
        }
    }
}
