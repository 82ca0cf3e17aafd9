using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Tests.Infrastructure;
using Npgsql;

namespace MedCard.LoadTest;

/// <summary>
/// CPU the private PostgreSQL server used: the postmaster's own time plus that of its exited children (backends, reaped
/// by the postmaster: utime + stime + cutime + cstime in /proc/&lt;pid&gt;/stat). Read after the hosts closed their
/// connections, the difference covers every backend of the run. Linux only; elsewhere it reads 0.
/// </summary>
internal static class ServerCpu
{
    public static async Task<double> ReadMsAsync(PrivatePostgresServer server, CancellationToken ct)
    {
        await using var db = new NpgsqlConnection(server.AdminConnectionString);
        await db.OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", db);
        int backend = Convert.ToInt32(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
        string[]? own = Stat(backend);
        if (own is null || !int.TryParse(own[1], NumberStyles.None, CultureInfo.InvariantCulture, out int postmaster))
        {
            return 0;
        }

        string[]? stat = Stat(postmaster);
        if (stat is null)
        {
            return 0;
        }

        // Fields after the command: [0]=state, [1]=ppid, ... utime=[11], stime=[12], cutime=[13], cstime=[14] (clock ticks, 100 per second).
        double ticks = 0;
        for (int i = 11; i <= 14; i++)
        {
            ticks += double.Parse(stat[i], CultureInfo.InvariantCulture);
        }

        return ticks * 10;
    }

    /// <summary>The server's write-ahead log position in bytes (pg_current_wal_lsn): the difference over a run is the WAL it wrote.</summary>
    public static async Task<long> WalPositionAsync(PrivatePostgresServer server, CancellationToken ct)
    {
        await using var db = new NpgsqlConnection(server.AdminConnectionString);
        await db.OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint", db);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>The fields of /proc/&lt;pid&gt;/stat after the command name (which may hold spaces), or null.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            string text = File.ReadAllText("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
