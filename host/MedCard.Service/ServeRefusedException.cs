using System;

namespace MedCard.Service;

/// <summary>The service refuses to start as configured (a non-loopback binding without an API key or client certificate, an
/// unreadable key file...). The message is one line naming what to change; it never quotes a secret.</summary>
public sealed class ServeRefusedException : Exception
{
    /// <summary>A refusal with its one-line reason.</summary>
    public ServeRefusedException(string message)
        : base(message)
    {
    }
}
