using System;
using System.IO;
using System.Linq;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>A fact that needs PostgreSQL server binaries (initdb, pg_ctl); skipped, saying why, where they are missing.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (BinFolder() is null)
        {
            Skip = "PostgreSQL binaries not found under /usr/lib/postgresql/<N>/bin (set PG_BIN to their folder)";
        }
    }

    public static string? BinFolder()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("PG_BIN");
        if (fromEnv is not null && File.Exists(Path.Combine(fromEnv, "initdb")))
        {
            return fromEnv;
        }

        const string root = "/usr/lib/postgresql";
        return Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
    }
}
