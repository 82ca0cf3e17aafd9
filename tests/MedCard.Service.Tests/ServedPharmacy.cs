using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Checkout.Tests;
using MedCard.Simulator.InProcess;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace MedCard.Service.Tests;

/// <summary>
/// A pharmacy ledger (one holder, card MC0002, PIN 246810) with simulated readers, served by `medcard serve` on a free loopback
/// port: real Kestrel, a real HttpClient. The tests play the holder on each reader: <see cref="Present"/> puts the card in its
/// field and types the PIN on its keypad when the reader asks.
/// </summary>
internal sealed class ServedPharmacy : IAsyncDisposable
{
    private readonly string _folder;
    private readonly List<SimulatedReaderTransport> _readers;

    private ServedPharmacy(string folder, CheckoutScene scene, List<SimulatedReaderTransport> readers, WebApplication app, HttpClient http,
        CapturedLogs logs)
    {
        Logs = logs;
        _folder = folder;
        Scene = scene;
        _readers = readers;
        App = app;
        Http = http;
    }

    public CheckoutScene Scene { get; }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    /// <summary>What the served app logged.</summary>
    public CapturedLogs Logs { get; }

    /// <summary>Readers counter1, counter2... are simulated readers 1, 2...; the caller's options are completed with a free loopback
    /// port and the simulated scheme's holder-data key.</summary>
    public static async Task<ServedPharmacy> StartAsync(int readers = 1, ServeOptions? options = null, long openingBalance = 100_00)
    {
        string folder = Path.Combine(Path.GetTempPath(), "medcard-serve-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        CheckoutScene scene = await CheckoutScene.CreateAsync(Path.Combine(folder, "ledger.db"), openingBalance, readers, CancellationToken.None);
        var transports = Enumerable.Range(1, readers).Select(id => SimulatedReaderTransport.Open(scene.ReaderFolder((uint)id))).ToList();
        options ??= new ServeOptions();
        options.Listen = options.Listen == ServeOptions.DefaultListen ? "http://127.0.0.1:0" : options.Listen;
        options.CardWait = TimeSpan.FromSeconds(30);
        options.HolderMacKey = transports[0].IssuerHolderMacKey();
        var logs = new CapturedLogs();
        WebApplication app = MedCardServer.Build(options, scene.Store,
            transports.Select((t, i) => new ServedReaderSource("counter" + (i + 1), () => t)).ToList(), logging => logging.AddProvider(logs));
        await app.StartAsync();
        var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
        return new ServedPharmacy(folder, scene, transports, app, http, logs);
    }

    /// <summary>The holder puts the card on reader <paramref name="reader"/> (1-based) and will type <paramref name="pin"/> when asked.</summary>
    public void Present(int reader = 1, string pin = CheckoutScene.Pin)
    {
        SimulatedReaderTransport transport = _readers[reader - 1];
        transport.PlaceCard(CheckoutScene.Uid, CheckoutScene.CardNumber, CheckoutScene.ResidentId);
        transport.HolderTypes(pin);
    }

    /// <summary>A pharmacy bill of one fully self-paid item, as JSON.</summary>
    public static string Bill(long amountFen) =>
        "{\"institution\":\"" + CheckoutScene.Institution + "\",\"visit\":\"Pharmacy\",\"cardNumber\":\"" + CheckoutScene.CardNumber
        + "\",\"items\":[{\"code\":\"OTC\",\"description\":\"Ibuprofen\",\"class\":\"FullySelfPaid\",\"amountFen\":" + amountFen + "}]}";

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        foreach (SimulatedReaderTransport reader in _readers)
        {
            await reader.DisposeAsync();
        }

        await Scene.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
