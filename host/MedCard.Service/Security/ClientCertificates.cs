using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace MedCard.Service.Security;

/// <summary>TLS for `serve`: the server certificate, and, with a client certificate authority, mutual TLS where a client
/// certificate is required and must chain to that authority alone (the machine's trust store plays no part).</summary>
internal static class ClientCertificates
{
    public static void Configure(KestrelServerOptions kestrel, ServeOptions options)
    {
        if (options.CertificateFile is null)
        {
            return;
        }

        X509Certificate2 server = Load(() => X509CertificateLoader.LoadPkcs12FromFile(options.CertificateFile, null), "the server certificate "
            + options.CertificateFile);
        // A CA file holds certificates only (CreateFromPemFile would look for a private key beside them); it may be a bundle
        // (a root and its intermediates), all of which are trusted for client certificates.
        X509Certificate2Collection? authority = options.ClientCaFile is null ? null
            : Load(() => Authorities(options.ClientCaFile), "the client certificate authority " + options.ClientCaFile);
        kestrel.ConfigureHttpsDefaults(https =>
        {
            https.ServerCertificate = server;
            if (authority is not null)
            {
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.ClientCertificateValidation = (certificate, _, _) => IssuedBy(certificate, authority);
            }
        });
    }

    private static X509Certificate2Collection Authorities(string path)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(path);
        return authorities.Count > 0 ? authorities : throw new CryptographicException("no certificate in the file");
    }

    private static bool IssuedBy(X509Certificate2 certificate, X509Certificate2Collection authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static T Load<T>(System.Func<T> load, string what)
    {
        try
        {
            return load();
        }
        catch (System.Exception e) when (e is CryptographicException or IOException)
        {
            throw new ServeRefusedException("cannot read " + what + " (" + e.GetType().Name + ")");
        }
    }
}
