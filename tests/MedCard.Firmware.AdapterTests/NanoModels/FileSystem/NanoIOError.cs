namespace MedCard.Firmware.AdapterTests.NanoModels.FileSystem
{
    /// <summary>
    /// nanoFramework's IOException.IOExceptionErrorCode names (nanoframework/CoreLibrary v1.17.11). The models throw
    /// the BCL IOException with one of these as its HResult, since the BCL IOException is not shadowed here.
    /// </summary>
    public enum NanoIOError
    {
        /// <summary>Any other failure.</summary>
        Others = -1,

        /// <summary>No such file.</summary>
        FileNotFound = 1,

        /// <summary>No such directory.</summary>
        DirectoryNotFound = 2,

        /// <summary>No such volume.</summary>
        VolumeNotFound = 3,

        /// <summary>Path too long.</summary>
        PathTooLong = 4,

        /// <summary>Directory not empty.</summary>
        DirectoryNotEmpty = 5,

        /// <summary>Access denied, or the file is open elsewhere with an incompatible share.</summary>
        UnauthorizedAccess = 6,

        /// <summary>The destination exists.</summary>
        PathAlreadyExists = 7,

        /// <summary>Too many open files.</summary>
        TooManyOpenHandles = 8,
    }
}
