using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Service.Tests;

/// <summary>
/// `serve --certificate --client-ca`: mutual TLS on real Kestrel with certificates made for the test (a client authority, a
/// server certificate, client certificates from that authority, from another one and self-signed). Only a client
/// certificate issued by the configured authority gets an answer; the machine's trust store plays no part.
/// </summary>
public sealed class MutualTlsTests
{
    [Fact]
    public async Task Only_a_client_certificate_of_the_configured_authority_is_let_in()
    {
        string folder = Path.Combine(Path.GetTempPath(), "medcard-mtls-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using X509Certificate2 authority = Authority("CN=MedCard test client CA");
            using X509Certificate2 stranger = Authority("CN=Some other CA");
            using X509Certificate2 server = SelfSigned("CN=127.0.0.1", serverAuth: true);
            using X509Certificate2 member = IssuedBy(authority, "CN=hospital-his");
            using X509Certificate2 outsider = IssuedBy(stranger, "CN=hospital-his");
            using X509Certificate2 selfMade = SelfSigned("CN=hospital-his", serverAuth: false);

            string serverFile = Path.Combine(folder, "server.p12");
            string authorityFile = Path.Combine(folder, "client-ca.pem");
            await File.WriteAllBytesAsync(serverFile, server.Export(X509ContentType.Pkcs12));
            await File.WriteAllTextAsync(authorityFile, authority.ExportCertificatePem());

            await using ServedPharmacy pharmacy = await ServedPharmacy.StartAsync(options: new ServeOptions
            {
                Listen = "https://127.0.0.1:0",
                CertificateFile = serverFile,
                ClientCaFile = authorityFile,
            });
            Uri readers = new(pharmacy.App.Urls.Single() + "/v1/readers");
            Assert.Equal(Uri.UriSchemeHttps, readers.Scheme);

            using (HttpClient client = Client(server, member))
            {
                HttpResponseMessage answer = await client.GetAsync(readers);
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                Assert.Contains("counter1", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            // No certificate, one of another authority, a self-signed one: the handshake is refused, nothing is answered.
            foreach (X509Certificate2? refused in new[] { null, outsider, selfMade })
            {
                using HttpClient client = Client(server, refused);
                await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync(readers));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A client that trusts exactly <paramref name="server"/> (pinned) and presents <paramref name="certificate"/>.</summary>
    private static HttpClient Client(X509Certificate2 server, X509Certificate2? certificate)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHash().AsSpan().SequenceEqual(server.GetCertHash()),
                ClientCertificates = certificate is null ? null : new X509CertificateCollection { certificate },
                LocalCertificateSelectionCallback = certificate is null ? null : (_, _, _, _, _) => certificate,
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    private static X509Certificate2 Authority(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static X509Certificate2 IssuedBy(X509Certificate2 authority, string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false)); // client auth
        byte[] serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using X509Certificate2 issued = request.Create(authority, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1), serial);
        return issued.CopyWithPrivateKey(key);
    }

    private static X509Certificate2 SelfSigned(string subject, bool serverAuth)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        X509Certificate2 made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel needs a key it can use for TLS: go through PKCS#12 so the key is a persisted, exportable one on every OS.
        using (made)
        {
            return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
        }
    }
}
