using MedCard.Firmware.AdapterTests.NanoModels.FileSystem;

namespace System.IO
{
    /// <summary>
    /// Model of nanoFramework's File (nanoframework/System.IO.FileSystem v1.1.93, System.IO.FileSystem/File.cs) on the
    /// <see cref="LittleFsDrive"/>. Behaviour kept here:
    /// <list type="bullet">
    /// <item>Exists never throws (false on bad paths and on the root) and answers through NativeIO.GetAttributes, so a
    /// transient I/O error is "false" (it catches every exception, and the LittleFS driver's GetAttributes reports a
    /// failed stat as "not found": see <see cref="LittleFsDrive.Stat"/>);</item>
    /// <item>Delete checks the folder's attributes (a failed stat there: IOException DirectoryNotFound), then the
    /// file's: "not found", including a failed stat, is a silent no-op, so the file can survive a Delete that returned;
    /// a failed remove is an IOException; a file open anywhere is an IOException (it registers the path with
    /// FileShare.None first);</item>
    /// <item>Move has no overwrite overload and never replaces: IOException PathAlreadyExists if the destination
    /// exists, FileNotFound if the source does not; a rename commits at once.</item>
    /// </list>
    /// </summary>
    public static class File
    {
        /// <summary>True when a file (not the root) exists.</summary>
        public static bool Exists(string path)
        {
            try
            {
                lock (LittleFsDrive.Lock)
                {
                    string name = LittleFsDrive.NameOf(path);
                    return name.Length > 0 && LittleFsDrive.Stat(name);
                }
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <summary>Delete; nothing happens if the file is absent.</summary>
        public static void Delete(string path)
        {
            lock (LittleFsDrive.Lock)
            {
                string name = LittleFsDrive.NameOf(path);
                LittleFsDrive.OpenRecord record = LittleFsDrive.AddToOpenList(name, FileAccess.ReadWrite, FileShare.None);
                try
                {
                    if (LittleFsDrive.NextOperationFails())
                    {
                        throw LittleFsDrive.Error(NanoIOError.DirectoryNotFound);
                    }

                    if (LittleFsDrive.Stat(name))
                    {
                        LittleFsDrive.Operation();
                        LittleFsDrive.Remove(name);
                    }
                }
                finally
                {
                    LittleFsDrive.RemoveFromOpenList(record);
                }
            }
        }

        /// <summary>Rename; never over an existing file.</summary>
        public static void Move(string sourceFileName, string destFileName)
        {
            lock (LittleFsDrive.Lock)
            {
                string source = LittleFsDrive.NameOf(sourceFileName);
                string dest = LittleFsDrive.NameOf(destFileName);
                LittleFsDrive.OpenRecord record = LittleFsDrive.AddToOpenList(source, FileAccess.ReadWrite, FileShare.None);
                try
                {
                    if (!LittleFsDrive.Exists(source))
                    {
                        throw LittleFsDrive.Error(NanoIOError.FileNotFound);
                    }

                    if (LittleFsDrive.Exists(dest))
                    {
                        throw LittleFsDrive.Error(NanoIOError.PathAlreadyExists);
                    }

                    LittleFsDrive.Commit(dest, LittleFsDrive.Read(source));
                    LittleFsDrive.Remove(source);
                }
                finally
                {
                    LittleFsDrive.RemoveFromOpenList(record);
                }
            }
        }
    }
}
