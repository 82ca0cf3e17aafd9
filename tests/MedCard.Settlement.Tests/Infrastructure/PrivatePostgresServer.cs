using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace MedCard.Settlement.Tests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL server: initdb into a temp dir, pg_ctl start on a free loopback port with the
/// socket in that dir, stop and delete at the end. initdb refuses to run as root, so as root the commands
/// run as the "postgres" user via runuser (or su) and the temp dir is handed to that user.
/// Shared with the benchmark project (linked source).
/// </summary>
public sealed class PrivatePostgresServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly string _data;
    private readonly bool _asPostgresUser;
    private bool _started;

    private PrivatePostgresServer(string bin, string root, bool asPostgresUser)
    {
        _bin = bin;
        _root = root;
        _data = Path.Combine(root, "data");
        _asPostgresUser = asPostgresUser;
        Port = FreePort();
    }

    public int Port { get; private set; }

    /// <summary>The server's log (pg_ctl -l): the load test counts its lock-wait lines.</summary>
    public string LogFile => Path.Combine(_root, "server.log");

    public string AdminConnectionString =>
        "Host=127.0.0.1;Port=" + Port + ";Username=postgres;Database=postgres;Pooling=false;Timeout=30";

    public string ConnectionString(string database) =>
        "Host=127.0.0.1;Port=" + Port + ";Username=postgres;Database=" + database + ";Maximum Pool Size=40;Timeout=30";

    /// <summary>The newest /usr/lib/postgresql/N/bin holding initdb and pg_ctl (PG_BIN overrides), or null.</summary>
    public static string? FindBinaries()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("PG_BIN");
        if (fromEnv is not null && File.Exists(Path.Combine(fromEnv, "initdb")))
        {
            return fromEnv;
        }

        const string Root = "/usr/lib/postgresql";
        if (!Directory.Exists(Root))
        {
            return null;
        }

        string? best = null;
        int bestVersion = -1;
        foreach (string dir in Directory.GetDirectories(Root))
        {
            string bin = Path.Combine(dir, "bin");
            if (int.TryParse(Path.GetFileName(dir), out int version) && version > bestVersion
                && File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            {
                best = bin;
                bestVersion = version;
            }
        }

        return best;
    }

    public static async Task<PrivatePostgresServer> StartAsync(string bin, CancellationToken cancellationToken)
    {
        bool root = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root" || GetUid() == 0;
        string dir = Path.Combine(Path.GetTempPath(), "medcard-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        var server = new PrivatePostgresServer(bin, dir, root);
        try
        {
            if (root)
            {
                await server.RunAsync("chown", ["postgres:", dir], asPostgres: false, cancellationToken).ConfigureAwait(false);
            }

            await server.RunAsync(Path.Combine(bin, "initdb"),
                ["-D", server._data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"], root, cancellationToken)
                .ConfigureAwait(false);
            // The free port can be taken by someone else between probing and binding: try a few.
            for (int attempt = 1; ; attempt++)
            {
                string options = "-p " + server.Port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=100 -c fsync=on";
                try
                {
                    await server.RunAsync(Path.Combine(bin, "pg_ctl"),
                        ["-D", server._data, "-o", options, "-l", server.LogFile, "-w", "-t", "60", "start"], root,
                        cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    server.Port = FreePort();
                }
            }

            server._started = true;
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand command = connection.CreateCommand();
        command.CommandText = "CREATE DATABASE \"" + name.Replace("\"", string.Empty, StringComparison.Ordinal) + "\"";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync(string file, string[] args, bool asPostgres, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres)
        {
            psi.FileName = "runuser";
            psi.ArgumentList.Add("-u");
            psi.ArgumentList.Add("postgres");
            psi.ArgumentList.Add("--");
            psi.ArgumentList.Add(file);
        }
        else
        {
            psi.FileName = file;
        }

        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using Process process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start " + file);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            string log = Path.Combine(_root, "server.log");
            throw new InvalidOperationException(Path.GetFileName(file) + " failed (" + process.ExitCode + "): " + await stderr.ConfigureAwait(false)
                + await stdout.ConfigureAwait(false) + (File.Exists(log) ? "\n" + await File.ReadAllTextAsync(log, cancellationToken).ConfigureAwait(false) : string.Empty));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static uint GetUid()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("Uid:", StringComparison.Ordinal))
                {
                    string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                    return uint.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return uint.MaxValue;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started)
        {
            try
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "immediate", "-w", "stop"], _asPostgresUser, CancellationToken.None)
                    .ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Already gone; the directory is removed anyway.
            }
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
