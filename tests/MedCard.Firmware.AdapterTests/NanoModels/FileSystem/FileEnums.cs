namespace System.IO
{
    // nanoframework/System.IO.FileSystem v1.1.93, FileMode.cs / FileAccess.cs / FileShare.cs: same members and values
    // as desktop .NET (the FileStream constructor range-checks them: CreateNew..Append, Read..ReadWrite, None..ReadWrite).

    /// <summary>How to open a file.</summary>
    public enum FileMode
    {
        /// <summary>Create; IOException if it exists.</summary>
        CreateNew = 1,

        /// <summary>Create, or truncate an existing file.</summary>
        Create = 2,

        /// <summary>Open; IOException (FileNotFound) if missing.</summary>
        Open = 3,

        /// <summary>Open or create.</summary>
        OpenOrCreate = 4,

        /// <summary>Open and truncate; IOException if missing.</summary>
        Truncate = 5,

        /// <summary>Open or create, write at the end only.</summary>
        Append = 6,
    }

    /// <summary>Read, write or both.</summary>
    [Flags]
    public enum FileAccess
    {
        /// <summary>Read.</summary>
        Read = 1,

        /// <summary>Write.</summary>
        Write = 2,

        /// <summary>Both.</summary>
        ReadWrite = 3,
    }

    /// <summary>What other opens of the same file are allowed.</summary>
    [Flags]
    public enum FileShare
    {
        /// <summary>No other open.</summary>
        None = 0,

        /// <summary>Others may read.</summary>
        Read = 1,

        /// <summary>Others may write.</summary>
        Write = 2,

        /// <summary>Others may read and write.</summary>
        ReadWrite = 3,
    }
}
