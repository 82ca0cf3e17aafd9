using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MedCard.Service.Security;

/// <summary>
/// The shared secret a caller presents as <c>X-Api-Key: KEY</c> or <c>Authorization: Bearer KEY</c>. Only its SHA-256 is kept;
/// requests are compared in constant time. A missing or wrong key is a 401 problem response that never echoes what was sent.
/// </summary>
internal sealed class ApiKey
{
    /// <summary>The shortest key accepted: guessing 16 random characters over HTTP is out of reach.</summary>
    public const int MinLength = 16;

    public const string HeaderName = "X-Api-Key";

    private readonly byte[] _hash;

    private ApiKey(byte[] hash) => _hash = hash;

    /// <summary>Reads the key file; a missing, short, or (on Unix) group- or world-readable file refuses the start.</summary>
    public static ApiKey FromFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ServeRefusedException("the API key file " + path + " does not exist");
        }

        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            throw new ServeRefusedException("the API key file " + path + " is readable by other users: chmod 600 it");
        }

        string key = File.ReadAllText(path).Trim();
        if (key.Length < MinLength)
        {
            throw new ServeRefusedException("the API key in " + path + " is shorter than " + MinLength + " characters");
        }

        return new ApiKey(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>True when the request carries this key.</summary>
    public bool IsPresentedBy(HttpRequest request)
    {
        string? presented = request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            string authorization = request.Headers.Authorization.ToString();
            presented = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
        }

        return presented is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _hash);
    }

    /// <summary>The middleware: every request, the OpenAPI document and metrics included, must carry the key.</summary>
    public RequestDelegate Guard(RequestDelegate next) => context =>
    {
        if (IsPresentedBy(context.Request))
        {
            return next(context);
        }

        return Unauthorized(context);
    };

    private static async Task Unauthorized(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "API key required",
            Detail = "send the service's API key as " + HeaderName + " or Authorization: Bearer",
        };
        IProblemDetailsService problems = context.RequestServices.GetService(typeof(IProblemDetailsService)) as IProblemDetailsService
            ?? throw new InvalidOperationException("AddProblemDetails is missing");
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).ConfigureAwait(false);
    }
}
