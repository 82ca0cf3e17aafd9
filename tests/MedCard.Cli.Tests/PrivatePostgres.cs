using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace MedCard.Cli.Tests;

/// <summary>
/// A throw-away PostgreSQL server for one test class: initdb into a temp folder, start on a free loopback port,
/// stop (immediate) and delete on dispose. initdb refuses to run as root, so as root the server runs as the
/// "postgres" system user (runuser).
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgres;

    private PrivatePostgres(string bin, string folder, int port, bool asPostgres)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
        _asPostgres = asPostgres;
    }

    public int Port { get; }

    public string ConnectionString => "Host=127.0.0.1;Port=" + Port + ";Username=postgres;Database=postgres;Timeout=30";

    public static async Task<PrivatePostgres> StartAsync()
    {
        string bin = PostgresFactAttribute.BinFolder() ?? throw new InvalidOperationException("no PostgreSQL binaries");
        string folder = Path.Combine(Path.GetTempPath(), "medcard-cli-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        bool asPostgres = Environment.UserName == "root";
        var server = new PrivatePostgres(bin, folder, FreePort(), asPostgres);
        if (asPostgres)
        {
            await server.RunAsync("chown", "postgres: " + folder, asPostgresUser: false);
        }

        await server.RunAsync(Path.Combine(bin, "initdb"), "-D " + folder + "/data -U postgres -A trust -E UTF8 --no-sync --locale=C", asPostgres);
        await server.RunAsync(Path.Combine(bin, "pg_ctl"), "-D " + folder + "/data -w -l " + folder + "/log -o \"-p " + server.Port + " -k " + folder
            + " -c listen_addresses=127.0.0.1 -c fsync=off\" start", asPostgres);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), "-D " + _folder + "/data -m immediate -w stop", _asPostgres);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task RunAsync(string program, string arguments, bool asPostgresUser)
    {
        var psi = asPostgresUser
            ? new ProcessStartInfo("runuser", "-u postgres -- " + program + " " + arguments)
            : new ProcessStartInfo(program, arguments);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        using Process process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + program);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(program + " failed (" + process.ExitCode + "): " + await error + await output);
        }
    }
}
