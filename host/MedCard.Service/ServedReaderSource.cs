using System;
using MedCard.Host.Transport;

namespace MedCard.Service;

/// <summary>One reader the service owns: the name the API uses for it and how to open its transport (a serial port, a
/// tcp://host:port bridge, or a simulated reader).</summary>
/// <param name="Name">The name in the API's paths (/v1/readers/{name}): letters, digits, '-' and '_'.</param>
/// <param name="OpenTransport">Creates the (not yet opened) transport; called once at start.</param>
public sealed record ServedReaderSource(string Name, Func<IByteTransport> OpenTransport);
