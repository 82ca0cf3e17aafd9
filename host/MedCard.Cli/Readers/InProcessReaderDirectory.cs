using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using MedCard.Cli.Infrastructure;

namespace MedCard.Cli.Readers;

/// <summary>
/// Where an in-process reader keeps its flash between CLI runs: beside a SQLite ledger
/// (<c>medcard.db.readers/reader-1/</c>), or for a PostgreSQL ledger under the user's local application data, in a
/// folder named by a hash of the connection string (never the string itself: it may hold a password).
/// </summary>
internal static class InProcessReaderDirectory
{
    public static string For(string storeSpec, uint readerId)
    {
        string reader = "reader-" + readerId.ToString(CultureInfo.InvariantCulture);
        if (!StoreConnector.IsPostgres(storeSpec))
        {
            return Path.Combine(Path.GetFullPath(storeSpec) + ".readers", reader);
        }

        string ledger = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(storeSpec)), 0, 8);
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "medcard", "in-process-readers", ledger, reader);
    }
}
