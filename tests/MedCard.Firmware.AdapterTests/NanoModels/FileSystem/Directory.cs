using System.Collections.Generic;
using MedCard.Firmware.AdapterTests.NanoModels.FileSystem;

namespace System.IO
{
    /// <summary>
    /// Model of nanoFramework's Directory.GetFiles (nanoframework/System.IO.FileSystem v1.1.93,
    /// System.IO.FileSystem/Directory.cs) for the root of the <see cref="LittleFsDrive"/>. Behaviour kept here:
    /// <list type="bullet">
    /// <item>GetChildren first asks Directory.Exists, i.e. NativeIO.GetAttributes of the folder: a failed stat there
    /// is "not found" (<see cref="LittleFsDrive.Stat"/>) and GetFiles throws IOException DirectoryNotFound;</item>
    /// <item>the listing itself (nf-interpreter src/System.IO.FileSystem/nf_sys_io_filesystem_System_IO_Directory.cpp,
    /// NativeGetChildren) ignores the results of the driver's FindOpen and FindNext: a failed opendir gives an empty
    /// listing and a failed readdir (targets/ESP32/_littlefs/littlefs_FS_Driver.cpp, FindNext: NULL with errno set) ends
    /// it early, with no exception. A listing that lacks a name therefore does not prove the file is absent;</item>
    /// <item>entries are full paths: the volume name, the folder and the file name (<c>I:\name</c>).</item>
    /// </list>
    /// The native code walks the folder twice (count, then fill); the model walks it once.
    /// </summary>
    public static class Directory
    {
        /// <summary>Full paths of the files in <paramref name="path"/> (only the drive root is modelled).</summary>
        public static string[] GetFiles(string path)
        {
            lock (LittleFsDrive.Lock)
            {
                if (path == null || !string.Equals(path, LittleFsDrive.Root, StringComparison.OrdinalIgnoreCase))
                {
                    throw LittleFsDrive.Error(NanoIOError.DirectoryNotFound);
                }

                // Directory.Exists: stat of the folder.
                if (LittleFsDrive.NextOperationFails())
                {
                    throw LittleFsDrive.Error(NanoIOError.DirectoryNotFound);
                }

                List<string> found = new List<string>();

                // opendir, then one readdir per entry and one for the end; any failure just ends the listing.
                if (!LittleFsDrive.NextOperationFails())
                {
                    foreach (string name in LittleFsDrive.SortedNames())
                    {
                        if (LittleFsDrive.NextOperationFails())
                        {
                            break;
                        }

                        found.Add(LittleFsDrive.Root + name);
                    }

                    LittleFsDrive.NextOperationFails();
                }

                return found.ToArray();
            }
        }
    }
}
