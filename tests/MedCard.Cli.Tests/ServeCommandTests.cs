using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Simulator;
using MedCard.Simulator.Cards;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>
/// `medcard serve` as an operator runs it: against the desktop simulator (`medcard sim`'s reader) on a real pseudo-terminal,
/// provisioned with `medcard provision --port`, the service on a free port, a purchase over HTTP while the simulator's virtual
/// holder types the PIN on the reader; Ctrl+C (the token) stops it with exit 0. And a refused binding: one line, exit 2.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ServeCommandTests : SimulatedReaderTests
{
    [Fact]
    public async Task Serve_settles_a_purchase_over_http_on_a_medcard_sim_reader_and_stops_cleanly()
    {
        await Cli.SeedAsync();
        await Cli.OkAsync("provision", "--reader", "7001", "--port", Sim.DevicePath);
        await Sim.WaitForAsync(s => s.ReaderId == 7001, TimeSpan.FromSeconds(10));
        await Cli.OkAsync("card", "enroll", "--id", AliceId, "--name", "Zhang Li", "--card", "M0000001", "--uid", "04A1B2C3", "--pin", "123456",
            "--balance", "50");
        string cards = Path.Combine(Cli.Folder, "cards.json");
        await Cli.OkAsync("sim", "--export-cards", cards);

        var stdoutText = new StringWriter();
        TextWriter stdout = TextWriter.Synchronized(stdoutText);
        var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        Task<int> serve = MedCardCli.RunAsync(["--store", Cli.Store, "--json", "serve", "--reader", "counter1=" + Sim.DevicePath, "--listen",
            "http://127.0.0.1:0", "--holder-mac-key", cards, "--wait", "20"], new CliIo(stdout, TextWriter.Synchronized(stderr), TextReader.Null, false), stop.Token);
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (!stdoutText.ToString().Contains("listening", StringComparison.Ordinal))
            {
                Assert.False(serve.IsCompleted, "serve ended: " + stderr);
                await Task.Delay(20, deadline.Token);
            }

            JsonElement announced = JsonDocument.Parse(stdoutText.ToString()).RootElement;
            Assert.Equal("counter1", announced.GetProperty("readers")[0].GetString());
            using var http = new HttpClient { BaseAddress = new Uri(announced.GetProperty("listening").GetString()!), Timeout = TimeSpan.FromSeconds(40) };
            JsonElement reader = (await http.GetFromJsonAsync<JsonElement>("/v1/readers", deadline.Token))[0];
            Assert.Equal(7001u, reader.GetProperty("readerId").GetUInt32());

            Task<HttpResponseMessage> purchase = http.PostAsync("/v1/readers/counter1/purchases", new StringContent(
                "{\"institution\":\"H001\",\"items\":[{\"code\":\"CONSULT\",\"class\":\"FullySelfPaid\",\"amountFen\":2500}]}",
                System.Text.Encoding.UTF8, "application/json"));
            while (!(await http.GetFromJsonAsync<JsonElement>("/v1/readers", deadline.Token))[0].GetProperty("busy").GetBoolean())
            {
                await Task.Delay(20, deadline.Token);
            }

            Sim.PlaceCard("alice"); // the virtual holder types alice's PIN on the reader when it asks
            HttpResponseMessage answer = await purchase;
            string body = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.IsSuccessStatusCode, body + " " + stderr);
            JsonElement settled = JsonDocument.Parse(body).RootElement;
            Assert.True(settled.GetProperty("status").GetString() == "settled", body);
            Assert.Equal("M0000001", settled.GetProperty("cardNumber").GetString());
            Assert.Equal(2500, settled.GetProperty("ownAccountFen").GetInt64());
            Assert.Equal(1u, Sim.Snapshot.Counter);
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.Equal(ExitCodes.Success, await serve.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2500, await Cli.BalanceFenAsync(AliceId));
    }

    [Fact]
    public async Task A_non_loopback_listen_without_a_key_is_one_line_and_exit_2_before_the_ledger_is_opened()
    {
        CliRun run = await Cli.RunAsync("serve", "--reader", Sim.DevicePath, "--listen", "http://0.0.0.0:5080");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains("--api-key-file", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Cli.Store));
    }
}
