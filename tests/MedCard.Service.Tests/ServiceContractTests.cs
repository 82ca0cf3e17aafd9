using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using MedCard.Checkout.Tests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MedCard.Service.Tests;

/// <summary>The service's contract: problem details on bad requests, the OpenAPI document, the binding rule and the API key.</summary>
public sealed class ServiceContractTests
{
    [Fact]
    public async Task Bad_requests_are_rfc9457_problems_without_stack_traces()
    {
        await using ServedPharmacy pharmacy = await ServedPharmacy.StartAsync();
        (string Method, string Path, string? Body, HttpStatusCode Status, string? Field)[] cases =
        [
            ("POST", "/v1/readers/counter1/purchases", "{not json", HttpStatusCode.BadRequest, null),
            ("POST", "/v1/readers/counter1/purchases", "{\"institution\":\"P001\",\"visit\":\"Spa\",\"items\":[]}", HttpStatusCode.BadRequest, null),
            ("POST", "/v1/readers/counter1/purchases", "{\"items\":[{\"code\":\"X\",\"amountFen\":-5}]}", HttpStatusCode.BadRequest, "items[0].amountFen"),
            ("POST", "/v1/readers/counter1/purchases", "{\"institution\":\"P001\",\"items\":[]}", HttpStatusCode.BadRequest, "items"),
            ("POST", "/v1/readers/nowhere/purchases", ServedPharmacy.Bill(1_00), HttpStatusCode.NotFound, null),
            ("GET", "/v1/readers/nowhere", null, HttpStatusCode.NotFound, null),
            ("GET", "/v1/cards/mc-0002!/balance", null, HttpStatusCode.BadRequest, "cardNumber"),
            ("GET", "/v1/cards/MC9999/balance", null, HttpStatusCode.NotFound, null),
            ("POST", "/v1/cards/MC0002/statements?format=docx", null, HttpStatusCode.BadRequest, "format"),
            ("POST", "/v1/cards/MC0002/loss-reports", "{\"name\":\"Li Na\",\"residentId\":\"12345\"}", HttpStatusCode.BadRequest, "residentId"),
            ("POST", "/v1/cards/MC0002/loss-reports", "{\"name\":\"Li Na\",\"residentId\":\"" + CheckoutScene.ResidentId + "\",\"channel\":\"Phone\"}",
                HttpStatusCode.BadRequest, "employer"),
            ("POST", "/v1/refunds", "{\"readerId\":1,\"counter\":0}", HttpStatusCode.BadRequest, "counter"),
            ("POST", "/v1/refunds", "{\"readerId\":1,\"counter\":77}", HttpStatusCode.UnprocessableEntity, null),
        ];
        foreach (var c in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Path);
            if (c.Body is not null)
            {
                request.Content = ServedPharmacy.Json(c.Body);
            }

            HttpResponseMessage response = await pharmacy.Http.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();
            string what = c.Method + " " + c.Path + ": " + body;
            Assert.True(c.Status == response.StatusCode, what + " (" + response.StatusCode + ")");
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", what);
            JsonElement problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal((int)c.Status, problem.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), what);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            if (c.Field is not null)
            {
                Assert.True(problem.GetProperty("errors").TryGetProperty(c.Field, out _), what);
            }
        }

        // Nothing reached the reader or the ledger, and the callers' mistakes are answered, not logged as the service's failures.
        Assert.Empty(await pharmacy.Scene.FiledAsync(1));
        Assert.Empty(pharmacy.Logs.AtLeast(Microsoft.Extensions.Logging.LogLevel.Warning));
    }

    [Fact]
    public async Task The_openapi_document_lists_exactly_the_mapped_endpoints_and_none_takes_a_pin()
    {
        await using ServedPharmacy pharmacy = await ServedPharmacy.StartAsync();
        string text = await pharmacy.Http.GetStringAsync(MedCardServer.OpenApiPath);
        JsonElement document = JsonDocument.Parse(text).RootElement;

        var documented = new SortedSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (JsonProperty operation in path.Value.EnumerateObject())
            {
                documented.Add(operation.Name.ToUpperInvariant() + " " + path.Name);
            }
        }

        var mapped = new SortedSet<string>(StringComparer.Ordinal);
        foreach (RouteEndpoint endpoint in pharmacy.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            string route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/').TrimEnd('/');
            if (route == MedCardServer.OpenApiPath)
            {
                continue; // the document itself
            }

            foreach (string method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                mapped.Add(method + " " + route);
            }
        }

        Assert.Equal(mapped, documented);
        Assert.Equal(9, documented.Count);
        Assert.Contains("POST /v1/readers/{name}/purchases", documented);
        Assert.Contains("GET /v1/readers/{name}/events", documented);
        // The PIN is typed on the reader: no request or response schema has a PIN field (pinTriesLeft is a count).
        Assert.DoesNotContain("\"pin\"", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pinBlock", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://192.168.1.20:5080")]
    [InlineData("http://his-gateway.example:5080")]
    public async Task A_non_loopback_binding_without_a_key_or_client_certificate_is_refused(string listen)
    {
        string ledger = Path.Combine(Path.GetTempPath(), "medcard-serve-refused-" + Guid.NewGuid().ToString("N") + ".db");
        await using var store = MedCard.Settlement.Stores.LedgerStores.Open(ledger);
        var options = new ServeOptions { Listen = listen };

        var refused = Assert.Throws<ServeRefusedException>(() => MedCardServer.Build(options, store,
            [new ServedReaderSource("counter1", () => throw new InvalidOperationException("the reader must not be opened"))]));

        Assert.DoesNotContain('\n', refused.Message);
        Assert.Contains("--api-key-file", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(ledger));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void Loopback_bindings_need_no_key(string listen)
    {
        Uri uri = MedCardServer.Validate(new ServeOptions { Listen = listen }, [new ServedReaderSource("counter1", () => throw new InvalidOperationException())]);
        Assert.Equal(5080, uri.Port);
    }

    [Fact]
    public async Task With_an_api_key_every_request_must_carry_it()
    {
        string keyFile = Path.Combine(Path.GetTempPath(), "medcard-serve-key-" + Guid.NewGuid().ToString("N"));
        string key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        File.WriteAllText(keyFile, key + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            await using ServedPharmacy pharmacy = await ServedPharmacy.StartAsync(options: new ServeOptions { ApiKeyFile = keyFile });

            HttpResponseMessage none = await pharmacy.Http.GetAsync("/v1/readers");
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
            Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.Unauthorized, (await pharmacy.Http.GetAsync(MedCardServer.OpenApiPath)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, await Send(pharmacy, "/v1/readers", ("X-Api-Key", key[..^1] + (key[^1] == '0' ? "1" : "0"))));
            Assert.Equal(HttpStatusCode.Unauthorized, await Send(pharmacy, "/v1/readers", ("Authorization", "Basic " + key)));
            string wrongBody = await none.Content.ReadAsStringAsync();
            Assert.DoesNotContain(key, wrongBody, StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.OK, await Send(pharmacy, "/v1/readers", ("X-Api-Key", key)));
            Assert.Equal(HttpStatusCode.OK, await Send(pharmacy, "/v1/readers", ("Authorization", "Bearer " + key)));
            Assert.Equal(HttpStatusCode.OK, await Send(pharmacy, MedCardServer.OpenApiPath, ("X-Api-Key", key)));

            // With the key, a non-loopback binding is allowed.
            Assert.Equal(5080, MedCardServer.Validate(new ServeOptions { Listen = "http://0.0.0.0:5080", ApiKeyFile = keyFile },
                [new ServedReaderSource("counter1", () => throw new InvalidOperationException())]).Port);

            // A key file others can read is refused (on Unix), naming the file, never quoting the key.
            if (OperatingSystem.IsWindows())
            {
                return;
            }

            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
            var refused = Assert.Throws<ServeRefusedException>(() => MedCardServer.Validate(new ServeOptions { ApiKeyFile = keyFile },
                [new ServedReaderSource("counter1", () => throw new InvalidOperationException())]));
            Assert.Contains("chmod 600", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(key, refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public async Task A_statement_is_served_as_text_or_pdf_and_marks_the_records_printed()
    {
        await using ServedPharmacy pharmacy = await ServedPharmacy.StartAsync();
        pharmacy.Present();
        JsonElement settled = await (await pharmacy.Http.PostAsync("/v1/readers/counter1/purchases", ServedPharmacy.Json(ServedPharmacy.Bill(7_00))))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("settled", settled.GetProperty("status").GetString());

        HttpResponseMessage text = await pharmacy.Http.PostAsync("/v1/cards/" + CheckoutScene.CardNumber + "/statements?format=text", null);
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        Assert.Contains("7.00", await text.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await pharmacy.Http.GetFromJsonAsync<JsonElement>("/v1/cards/" + CheckoutScene.CardNumber + "/history"))
            .GetProperty("unprinted").GetInt32());

        HttpResponseMessage pdf = await pharmacy.Http.PostAsync("/v1/cards/" + CheckoutScene.CardNumber + "/statements?format=pdf", null);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..5], StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> Send(ServedPharmacy pharmacy, string path, (string Name, string Value) header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        return (await pharmacy.Http.SendAsync(request)).StatusCode;
    }
}
