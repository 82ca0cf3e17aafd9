using System;
using System.Net;

namespace MedCard.Service.Security;

/// <summary>
/// The binding rule, in one place: loopback (localhost, 127.0.0.0/8, ::1) is the default and needs nothing more; any other
/// binding (an address of this machine, 0.0.0.0, *, a host name) exposes the API to the network and needs an API key file or
/// a client-certificate authority, or the service refuses to start.
/// </summary>
internal static class ListenPolicy
{
    /// <summary>Checks the listen address against the rule; throws <see cref="ServeRefusedException"/> when it is refused.</summary>
    public static Uri Check(ServeOptions options)
    {
        if (!Uri.TryCreate(ListenUri(options.Listen), UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.AbsolutePath != "/")
        {
            throw new ServeRefusedException("--listen " + options.Listen + " is not an http:// or https:// address with a host and port (e.g. "
                + ServeOptions.DefaultListen + ")");
        }

        if (options.ClientCaFile is not null && (uri.Scheme != Uri.UriSchemeHttps || options.CertificateFile is null))
        {
            throw new ServeRefusedException("a client certificate authority needs TLS: listen on https:// and give the server certificate (--tls-cert)");
        }

        if (uri.Scheme == Uri.UriSchemeHttps && options.CertificateFile is null)
        {
            throw new ServeRefusedException("https:// needs the server certificate: give --tls-cert (a PKCS#12 file)");
        }

        if (!IsLoopback(uri) && options.ApiKeyFile is null && options.ClientCaFile is null)
        {
            throw new ServeRefusedException("refusing to listen on " + options.Listen
                + " without an API key or client certificate: give --api-key-file (or --client-ca with https), or listen on 127.0.0.1");
        }

        return uri;
    }

    /// <summary>True for localhost and loopback addresses; false for every address reachable from elsewhere.</summary>
    public static bool IsLoopback(Uri uri)
    {
        string host = uri.Host;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address);
    }

    // Kestrel's wildcards (* and +) are not URI hosts: read them as a non-loopback host.
    private static string ListenUri(string listen) => listen.Replace("://*", "://0.0.0.0", StringComparison.Ordinal)
        .Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
}
