using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Checkout.Tests;
using Xunit;

namespace MedCard.Service.Tests;

/// <summary>Purchases, card events and loss reports through `medcard serve`, with the holder at a simulated reader.</summary>
public sealed class PurchaseOverHttpTests
{
    [Fact]
    public async Task A_purchase_settles_over_http_with_its_explanation_and_is_filed_in_the_ledger()
    {
        await using ServedPharmacy pharmacy = await ServedPharmacy.StartAsync();
        pharmacy.Present();

        HttpResponseMessage response = await pharmacy.Http.PostAsync("/v1/readers/counter1/purchases", ServedPharmacy.Json(ServedPharmacy.Bill(12_34)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("settled", result.GetProperty("status").GetString());
        Assert.Equal(12_34, result.GetProperty("totalFen").GetInt64());
        Assert.Equal(CheckoutScene.CardNumber, result.GetProperty("cardNumber").GetString());
        Assert.NotEmpty(result.GetProperty("explanation").EnumerateArray());
        uint counter = result.GetProperty("counter").GetUInt32();
        long own = result.GetProperty("ownAccountFen").GetInt64();
        Assert.Equal(12_34, own + result.GetProperty("cashFen").GetInt64() + result.GetProperty("fundFen").GetInt64()
            + result.GetProperty("relativeAccountFen").GetInt64());

        // The ledger, read with plain SQL, filed exactly this record with this debit.
        var filed = await pharmacy.Scene.FiledAsync(1);
        Assert.Equal(own, filed[counter].OwnAccount);

        JsonElement balance = await pharmacy.Http.GetFromJsonAsync<JsonElement>("/v1/cards/" + CheckoutScene.CardNumber + "/balance");
        Assert.Equal(100_00 - own, balance.GetProperty("balanceFen").GetInt64());
        JsonElement history = await pharmacy.Http.GetFromJsonAsync<JsonElement>("/v1/cards/" + CheckoutScene.CardNumber + "/history");
        Assert.Contains(history.GetProperty("records").EnumerateArray(), r => r.GetProperty("counter").GetUInt32() == counter);

        // Refunded over HTTP: the balance is whole again; a second refund changes nothing.
        HttpResponseMessage refund = await pharmacy.Http.PostAsync("/v1/refunds", ServedPharmacy.Json("{\"readerId\":1,\"counter\":" + counter + "}"));
        Assert.Equal(HttpStatusCode.OK, refund.StatusCode);
        Assert.False((await refund.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alreadyRefunded").GetBoolean());
        balance = await pharmacy.Http.GetFromJsonAsync<JsonElement>("/v1/cards/" + CheckoutScene.CardNumber + "/balance");
        Assert.Equal(100_00, balance.GetProperty("balanceFen").GetInt64());
        JsonElement again = await (await pharmacy.Http.PostAsync("/v1/refunds", ServedPharmacy.Json("{\"readerId\":1,\"counter\":" + counter + "}")))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(again.GetProperty("alreadyRefunded").GetBoolean());
    }

    [Fact]
    public async Task A_wrong_pin_typed_on_the_reader_is_a_refusal_with_the_tries_left_and_nothing_signed()
    {
        await using ServedPharmacy pharmacy = await ServedPharmacy.StartAsync();
        pharmacy.Present(pin: "999999");

        JsonElement result = await (await pharmacy.Http.PostAsync("/v1/readers/counter1/purchases", ServedPharmacy.Json(ServedPharmacy.Bill(5_00))))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("refused", result.GetProperty("status").GetString());
        Assert.StartsWith("pin.", result.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0u, result.GetProperty("counter").GetUInt32());
        Assert.Empty(await pharmacy.Scene.FiledAsync(1));
    }

    [Fact]
    public async Task The_card_presented_to_a_reader_arrives_as_a_server_sent_event()
    {
        await using ServedPharmacy pharmacy = await ServedPharmacy.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using HttpResponseMessage stream = await pharmacy.Http.GetAsync("/v1/readers/counter1/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var lines = new StreamReader(await stream.Content.ReadAsStreamAsync(timeout.Token));

        await ReadUntilEventAsync(lines, "subscribed", timeout.Token);
        pharmacy.Present();
        string data = await ReadUntilEventAsync(lines, "card.presented", timeout.Token);

        JsonElement card = JsonDocument.Parse(data).RootElement;
        Assert.True(card.GetProperty("present").GetBoolean());
        Assert.Equal(CheckoutScene.CardNumber, card.GetProperty("cardNumber").GetString());
        Assert.Equal(Convert.ToHexString(CheckoutScene.Uid), card.GetProperty("uid").GetString());
        Assert.True(card.GetProperty("holderVerified").GetBoolean());

        // Stopping the service ends the open stream (it does not hold the shutdown).
        await pharmacy.App.StopAsync(timeout.Token);
        while (await lines.ReadLineAsync(timeout.Token) is not null)
        {
        }
    }

    [Fact]
    public async Task A_loss_report_over_http_pushes_the_hotlist_and_the_reader_refuses_the_card()
    {
        await using ServedPharmacy pharmacy = await ServedPharmacy.StartAsync(readers: 2);

        HttpResponseMessage response = await pharmacy.Http.PostAsync("/v1/cards/" + CheckoutScene.CardNumber + "/loss-reports",
            ServedPharmacy.Json("{\"name\":\"Li Na\",\"residentId\":\"" + CheckoutScene.ResidentId + "\",\"channel\":\"Phone\",\"employer\":\"school\"}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement report = await response.Content.ReadFromJsonAsync<JsonElement>();
        JsonElement[] pushes = [.. report.GetProperty("hotlistPushes").EnumerateArray()];
        Assert.Equal(2, pushes.Length);
        Assert.All(pushes, p =>
        {
            Assert.Equal("Activated", p.GetProperty("status").GetString());
            Assert.True(p.GetProperty("inForce").GetBoolean());
            Assert.Equal(1, p.GetProperty("cards").GetInt32());
        });

        // Each reader now holds the ledger's hotlist...
        JsonElement status = await pharmacy.Http.GetFromJsonAsync<JsonElement>("/v1/readers/counter2");
        Assert.False(status.GetProperty("hotlistBehind").GetBoolean());
        Assert.Equal(status.GetProperty("ledgerHotlistVersion").GetInt64(), status.GetProperty("hotlistVersion").GetUInt32());

        // ...and refuses the card before anything is signed.
        // (Reader 1: the service verifies holder data with the simulated scheme of reader 1, each simulated reader has its own.)
        pharmacy.Present(reader: 1);
        JsonElement result = await (await pharmacy.Http.PostAsync("/v1/readers/counter1/purchases", ServedPharmacy.Json(ServedPharmacy.Bill(5_00))))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("refused", result.GetProperty("status").GetString());
        Assert.Equal("reader.pin_hotlisted", result.GetProperty("reason").GetString()); // the reader's refusal, not the ledger's
        Assert.Equal(0u, result.GetProperty("counter").GetUInt32());
        Assert.Empty(await pharmacy.Scene.FiledAsync(1));
    }

    [Fact]
    public async Task A_second_purchase_on_a_busy_reader_gets_409_and_the_first_still_settles()
    {
        await using ServedPharmacy pharmacy = await ServedPharmacy.StartAsync();
        Task<HttpResponseMessage> first = pharmacy.Http.PostAsync("/v1/readers/counter1/purchases", ServedPharmacy.Json(ServedPharmacy.Bill(3_00)));
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            // The first purchase has the reader once the list says busy (it waits for the card).
            while (!(await pharmacy.Http.GetFromJsonAsync<JsonElement>("/v1/readers", timeout.Token))[0].GetProperty("busy").GetBoolean())
            {
                await Task.Delay(20, timeout.Token);
            }
        }

        HttpResponseMessage second = await pharmacy.Http.PostAsync("/v1/readers/counter1/purchases", ServedPharmacy.Json(ServedPharmacy.Bill(4_00)));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(409, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        pharmacy.Present();
        JsonElement settled = await (await first).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("settled", settled.GetProperty("status").GetString());
        Assert.Equal(3_00, settled.GetProperty("totalFen").GetInt64());
        Assert.Single(await pharmacy.Scene.FiledAsync(1));
    }

    [Fact]
    public async Task With_prometheus_telemetry_the_checkout_and_link_metrics_are_scraped_at_metrics()
    {
        await using ServedPharmacy pharmacy = await ServedPharmacy.StartAsync(options: new ServeOptions { Telemetry = ServeTelemetry.Prometheus });
        pharmacy.Present();
        JsonElement settled = await (await pharmacy.Http.PostAsync("/v1/readers/counter1/purchases", ServedPharmacy.Json(ServedPharmacy.Bill(2_00))))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("settled", settled.GetProperty("status").GetString());

        string metrics = await pharmacy.Http.GetStringAsync(MedCardServer.MetricsPath);

        // By the names the libraries publish: the checkout's settlement counter and the host library's authorize latency.
        Assert.Contains(MedCard.Checkout.CheckoutTelemetry.Settlements.Replace('.', '_'), metrics, StringComparison.Ordinal);
        Assert.Contains(MedCard.Host.Diagnostics.HostTelemetry.AuthorizeDuration.Replace('.', '_'), metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(CheckoutScene.CardNumber, metrics, StringComparison.Ordinal);
    }

    private static async Task<string> ReadUntilEventAsync(StreamReader lines, string eventType, CancellationToken ct)
    {
        string? current = null;
        while (await lines.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                current = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && current == eventType)
            {
                return line["data: ".Length..];
            }
        }

        throw new EndOfStreamException("the event stream ended before a " + eventType + " event");
    }
}
