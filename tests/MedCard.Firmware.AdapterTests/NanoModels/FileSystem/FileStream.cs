using MedCard.Firmware.AdapterTests.NanoModels.FileSystem;

namespace System.IO
{
    /// <summary>
    /// Model of nanoFramework's FileStream (nanoframework/System.IO.FileSystem v1.1.93, System.IO.FileSystem/FileStream.cs)
    /// on the <see cref="LittleFsDrive"/>. Behaviour kept here:
    /// <list type="bullet">
    /// <item>the (path, mode, access) constructor shares FileShare.Read: a second open of the same file, even for
    /// reading, throws IOException (UnauthorizedAccess) unless it asks for FileShare.ReadWrite;</item>
    /// <item>a read-only access with a mode other than Open/OpenOrCreate is an ArgumentException;</item>
    /// <item>Open/Truncate of a missing file: IOException FileNotFound, also when the file exists but the stat of
    /// NativeIO.GetAttributes failed (<see cref="LittleFsDrive.Stat"/>); CreateNew of an existing one: PathAlreadyExists;</item>
    /// <item>Read of a file whose fread fails: IOException (CLR_E_FILE_IO from the driver's Read);</item>
    /// <item>Create truncates an existing file (SetLength(0) after opening it "r+");</item>
    /// <item>Flush does not make data durable on LittleFS; Close/Dispose does (see <see cref="LittleFsDrive"/>);</item>
    /// <item>after Dispose every member throws ObjectDisposedException; after a power cut the handle is dead (IOException).</item>
    /// </list>
    /// Deliberately not a System.IO.Stream (the adapters use only these members).
    /// </summary>
    public class FileStream : IDisposable
    {
        private readonly string _name;
        private readonly int _generation;
        private LittleFsDrive.OpenRecord _record;
        private MemoryStream _content;
        private bool _canRead;
        private bool _canWrite;
        private bool _disposed;

        /// <summary>Open with FileShare.Read.</summary>
        public FileStream(string path, FileMode mode, FileAccess access)
            : this(path, mode, access, FileShare.Read)
        {
        }

        /// <summary>Open with an explicit share.</summary>
        public FileStream(string path, FileMode mode, FileAccess access, FileShare share)
        {
            if (mode < FileMode.CreateNew || mode > FileMode.Append || access < FileAccess.Read || access > FileAccess.ReadWrite
                || share < FileShare.None || share > FileShare.ReadWrite)
            {
                throw new ArgumentOutOfRangeException();
            }

            bool wantsRead = (access & FileAccess.Read) == FileAccess.Read;
            bool wantsWrite = (access & FileAccess.Write) == FileAccess.Write;
            if (mode != FileMode.Open && mode != FileMode.OpenOrCreate && !wantsWrite)
            {
                throw new ArgumentException();
            }

            lock (LittleFsDrive.Lock)
            {
                _name = LittleFsDrive.NameOf(path);
                _record = LittleFsDrive.AddToOpenList(_name, access, share);
                try
                {
                    bool exists = LittleFsDrive.Stat(_name);
                    if ((mode == FileMode.Open || mode == FileMode.Truncate) && !exists)
                    {
                        throw LittleFsDrive.Error(NanoIOError.FileNotFound);
                    }

                    if (mode == FileMode.CreateNew && exists)
                    {
                        throw LittleFsDrive.Error(NanoIOError.PathAlreadyExists);
                    }

                    if (mode == FileMode.Append && access != FileAccess.Write)
                    {
                        throw new ArgumentException();
                    }

                    if (!exists)
                    {
                        // fopen "w+": the new, empty file is on flash from here on.
                        LittleFsDrive.Commit(_name, new byte[0]);
                    }

                    _content = new MemoryStream();
                    if (mode != FileMode.Create && mode != FileMode.Truncate)
                    {
                        byte[] old = LittleFsDrive.Read(_name);
                        _content.Write(old, 0, old.Length);
                    }

                    _content.Position = mode == FileMode.Append ? _content.Length : 0;
                    _generation = LittleFsDrive.Generation;
                    _canRead = wantsRead;
                    _canWrite = wantsWrite;
                }
                catch
                {
                    LittleFsDrive.RemoveFromOpenList(_record);
                    throw;
                }
            }
        }

        /// <summary>Current length of this handle's view.</summary>
        public long Length
        {
            get
            {
                ThrowIfDead();
                return _content.Length;
            }
        }

        /// <summary>Position in this handle's view.</summary>
        public long Position
        {
            get
            {
                ThrowIfDead();
                return _content.Position;
            }
        }

        /// <summary>Read up to count bytes; 0 at the end.</summary>
        public int Read(byte[] buffer, int offset, int count)
        {
            ThrowIfDead();
            if (!_canRead)
            {
                throw new NotSupportedException();
            }

            lock (LittleFsDrive.Lock)
            {
                LittleFsDrive.Operation();
            }

            return _content.Read(buffer, offset, count);
        }

        /// <summary>Write into this handle's view (durable only at Close).</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            ThrowIfDead();
            if (!_canWrite)
            {
                throw new NotSupportedException();
            }

            _content.Write(buffer, offset, count);
        }

        /// <summary>fflush: hands the data to LittleFS, which still commits nothing until close.</summary>
        public void Flush()
        {
            ThrowIfDead();
        }

        /// <summary>Close: commit this handle's view atomically and release the name.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            lock (LittleFsDrive.Lock)
            {
                _disposed = true;
                if (_generation != LittleFsDrive.Generation)
                {
                    return;
                }

                if (_canWrite)
                {
                    LittleFsDrive.Commit(_name, _content.ToArray());
                }

                LittleFsDrive.RemoveFromOpenList(_record);
                _record = null;
            }
        }

        private void ThrowIfDead()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(FileStream));
            }

            if (_generation != LittleFsDrive.Generation)
            {
                throw LittleFsDrive.Error(NanoIOError.Others);
            }
        }
    }
}
